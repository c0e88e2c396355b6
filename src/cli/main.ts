/** The `roadmark` command: argument handling, exit codes, and the worker entry of the same bundle. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runCheck, runList } from './commands';
import { runExport, runTimeline } from './timeline-command';
import { HELP, parseRequest, UsageError } from './args';
import { CliError } from './files';
import { runParseWorker, type ParseJob } from './load';

declare const ROADMARK_VERSION: string;

export async function main(argv: string[]): Promise<number> {
  try {
    const request = parseRequest(argv, process.stdout.isTTY === true, process.env);
    switch (request.command) {
      case 'help':
        process.stdout.write(HELP);
        return 0;
      case 'version':
        process.stdout.write(`${typeof ROADMARK_VERSION === 'string' ? ROADMARK_VERSION : 'dev'}\n`);
        return 0;
      case 'check':
        return await runCheck(request, process.cwd(), (s) => process.stdout.write(s));
      case 'list':
        return await runList(request, process.cwd(), (s) => process.stdout.write(s));
      case 'export':
        return await runExport(request, process.cwd(), (s) => process.stdout.write(s));
      case 'timeline':
        return await runTimeline(request, process.cwd(), (s) => process.stdout.write(s));
      default:
        throw new CliError(`'${request.command}' is not available yet in this version`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof CliError) {
      process.stderr.write(`roadmark: ${e.message}${e instanceof UsageError ? ' (see roadmark --help)' : ''}\n`);
      return 2;
    }
    process.stderr.write(`roadmark: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

if (!isMainThread && (workerData as { roadmarkParseJobs?: ParseJob[] })?.roadmarkParseJobs) {
  runParseWorker((workerData as { roadmarkParseJobs: ParseJob[] }).roadmarkParseJobs, (files) => parentPort!.postMessage(files));
} else if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
