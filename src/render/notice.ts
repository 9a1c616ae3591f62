/** The one-line reminder every output carries (PROTOCOL.md, "Cautions"). */
export const draftNotice =
  'Draft for a clinician to confirm: titrate applies published rules; it does not replace clinical judgement.';
