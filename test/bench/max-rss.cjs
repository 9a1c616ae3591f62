// Preloaded (--require) when /usr/bin/time is missing: reports the process's peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
