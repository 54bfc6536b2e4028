import { parentPort, workerData } from 'node:worker_threads';
import type { ClassifyRequest, ModerationWorkerData, WorkerReply } from './moderation-worker.protocol';
import { loadNsfwModel, scorePixels, type LoadedNsfwModel } from './nsfw-model.loader';

/**
 * Worker thread entry: loads the model once, then scores one image per `classify` message. Inference is
 * synchronous WebAssembly (~60 ms a photo), which is why it lives here and not on the server's event loop.
 */
function reply(message: WorkerReply): void {
  parentPort?.postMessage(message);
}

async function main(): Promise<void> {
  const { model: modelName } = workerData as ModerationWorkerData;
  let model: LoadedNsfwModel;
  try {
    model = await loadNsfwModel(modelName);
  } catch (error) {
    reply({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // Requests are handled strictly one after another: the pool never sends a second before an answer.
  parentPort?.on('message', (request: ClassifyRequest) => {
    scorePixels(model, request.pixels).then(
      (scores) => reply({ type: 'scores', id: request.id, scores }),
      (error: unknown) => reply({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  reply({ type: 'ready', modelVersion: model.version, inputSize: model.inputSize });
}

void main();
