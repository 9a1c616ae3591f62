/** cli-table3 settings shared by every table: no colour of its own, no rule between rows. */
export const tableStyle = {
  style: { head: [] as string[], border: [] as string[] },
  chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
};
