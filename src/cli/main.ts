/** The `roadmark` command: argument handling, exit codes, and the worker entry of the same bundle. */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runCheck, runList } from './commands';
import { runExport, runTimeline } from './timeline-command';
import { MissingCommand, parseRequest, UsageError } from './args';
import { CliError } from './files';
import { COMMAND_HELP, HELP, SHORT_HELP } from './help';
import { runInit } from './init';
import { runDrift } from './drift-command';
import { runWatch } from './watch';
import { runParseWorker, type ParseJob } from './load';
import { visible } from './format/escape';

declare const ROADMARK_VERSION: string;

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => void process.stdout.write(s);
  try {
    const request = parseRequest(argv, process.stdout.isTTY === true, process.env);
    switch (request.command) {
      case 'help':
        out(request.topic ? COMMAND_HELP[request.topic] : HELP);
        return 0;
      case 'version':
        out(`${typeof ROADMARK_VERSION === 'string' ? ROADMARK_VERSION : 'dev'}\n`);
        return 0;
      case 'check':
        return request.watch ? await runWatch(request, process.cwd(), out, { signal: untilInterrupted() }) : await runCheck(request, process.cwd(), out);
      case 'list':
        return await runList(request, process.cwd(), out);
      case 'drift':
        return await runDrift(request, process.cwd(), out);
      case 'init':
        return await runInit(request, process.cwd(), out);
      case 'export':
        return await runExport(request, process.cwd(), out);
      case 'timeline':
        return await runTimeline(request, process.cwd(), out);
    }
    return unreachable(request.command);
  } catch (e) {
    // A command is required: the short help, on stderr as any usage error, exit 2 (as git, npm and cargo do).
    if (e instanceof MissingCommand) {
      process.stderr.write(SHORT_HELP);
      return 2;
    }
    if (e instanceof UsageError || e instanceof CliError) {
      const pointer = e instanceof UsageError && !e.message.includes('(see roadmark') ? ' (see roadmark --help)' : '';
      process.stderr.write(`roadmark: ${visible(e.message)}${pointer}\n`);
      return 2;
    }
    process.stderr.write(`roadmark: internal error: ${visible((e as Error).message)}\n`);
    return 2;
  }
}

/** Ctrl+C (SIGINT) or SIGTERM: the end of a watch, not an error (exit 0). */
function untilInterrupted(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  return controller.signal;
}

/** TypeScript proves the switch above covers every command: adding one without a case fails to build. */
function unreachable(command: never): never {
  throw new Error(`unhandled command ${String(command)}`);
}

/**
 * A reader that stops early (`roadmark check | head -1`) closes the pipe: the next write fails
 * with EPIPE. That is not an error of ours: stop writing and exit quietly with the code the
 * run gives; any other stream error is reported in one line.
 */
function quietOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      stream.write = () => true;
      return;
    }
    if (stream !== process.stderr) process.stderr.write(`roadmark: cannot write the output: ${e.code ?? e.message}\n`);
    process.exit(2);
  });
}

if (!isMainThread && (workerData as { roadmarkParseJobs?: ParseJob[] })?.roadmarkParseJobs) {
  runParseWorker((workerData as { roadmarkParseJobs: ParseJob[] }).roadmarkParseJobs, (files) => parentPort!.postMessage(files));
} else if (require.main === module) {
  quietOnBrokenPipe(process.stdout);
  quietOnBrokenPipe(process.stderr);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
