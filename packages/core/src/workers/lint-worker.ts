// A worker thread of `lintProject({ concurrency })`: it builds its own session and project model from
// plain options, then lints the files the main thread sends, in batches.
import { parentPort, workerData } from 'node:worker_threads';
import { LintSession } from '../api/lint-session.js';
import { ProjectFingerprints, RecordingFacts } from '../cache/recording-facts.js';
import { RunHost } from '../host/run-host.js';
import { errorMessage } from '../utils/error-message.js';
import type { LintedFile, WorkerData, WorkerRequest, WorkerResponse } from './worker-protocol.js';

const port = parentPort!;
const data = workerData as WorkerData;
const send = (message: WorkerResponse): void => port.postMessage(message);

try {
  const session = await LintSession.create({
    ...data.options,
    onFileLinted: (filePath) => send({ type: 'progress', path: filePath }),
  });
  await session.prepare(data.enabledRuleIds);
  const project = session.createProject(data.files, new RunHost(session.host));
  const fingerprints = data.record ? new ProjectFingerprints(project) : undefined;
  port.on('message', (request: WorkerRequest) => {
    if (request === null) {
      port.close();
      return;
    }
    try {
      const linted = request.map((index): LintedFile => {
        const file = data.files[index]!;
        if (!fingerprints) {
          const result = session.lintFile(project, file);
          project.release(file.path);
          return { index, result };
        }
        const facts = new RecordingFacts(fingerprints);
        const result = session.lintFile(project, file, facts);
        project.release(file.path);
        return { index, result, facts: [...facts.dependencies.facts], touched: [...facts.dependencies.touched] };
      });
      send({ type: 'linted', files: linted });
    } catch (error) {
      send({ type: 'failed', message: errorMessage(error) });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: errorMessage(error) });
}
