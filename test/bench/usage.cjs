// Preloaded (--require) into the bench's batch runs: on exit, reports the process's CPU time (all
// its threads) and peak RSS and, when started with --expose-gc, the live heap after a full
// collection (a leak would show as a live heap that grows with the number of lines).
'use strict';
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  const usage = { cpuUs: user + system, maxRssKb: process.resourceUsage().maxRSS, liveHeapKb: null };
  if (typeof global.gc === 'function') {
    global.gc();
    usage.liveHeapKb = Math.round(process.memoryUsage().heapUsed / 1024);
  }
  process.stderr.write(`\nbench-usage ${JSON.stringify(usage)}\n`);
});
