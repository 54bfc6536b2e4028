// A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise (logs, CI).

/** @param {string} title */
export function progressBar(title) {
  const tty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let lastDecile = -1;
  return {
    /** @param {number} done @param {number} total @param {string} [note] */
    update(done, total, note = '') {
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (tty) {
        const width = 28;
        const filled = Math.round(share * width);
        process.stderr.write(`\r${title} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${seconds}s ${note}`.padEnd(90));
      } else if (Math.floor(share * 10) > lastDecile) {
        lastDecile = Math.floor(share * 10);
        process.stderr.write(`${title} ${(share * 100).toFixed(0)}% ${seconds}s ${note}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
