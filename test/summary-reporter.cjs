// Mocha's spec reporter plus one closing line that CI reads: "<suite>: N passed, N failed".
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const name = (options.reporterOption && options.reporterOption.suite) || process.env.ROADMARK_SUITE || 'tests';
    runner.once('end', () => {
      const s = runner.stats;
      process.stdout.write(`${name}: ${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}\n`);
    });
  }
}

module.exports = SummaryReporter;
