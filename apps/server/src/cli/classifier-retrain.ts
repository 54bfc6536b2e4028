/**
 * Rebuilds the classifier from the shipped corpus plus the corrections in the configured database and
 * stores it as the next model version; running servers pick it up without a restart:
 *   npm run classifier -- retrain [--corpus tools/classifier/corpus]
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { parseLabelledText, type LabelledExample } from '@ssp/text';
import { AppModule } from '../app.module';
import { loadConfig } from '../core/config/app-config';
import { ClassifierTrainingService } from '../modules/classification/classifier-training.service';

const DEFAULT_CORPUS = path.resolve(__dirname, '../../../../tools/classifier/corpus');

function readCorpus(dir: string): LabelledExample[] {
  const files = readdirSync(dir).filter((name) => /\.(tsv|csv)$/i.test(name)).sort();
  if (files.length === 0) throw new Error(`no .tsv or .csv files in ${dir}`);
  return files.flatMap((name) => parseLabelledText(readFileSync(path.join(dir, name), 'utf8'), name));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string', default: DEFAULT_CORPUS } } });
  const corpus = readCorpus(path.resolve(values.corpus));
  const config = loadConfig({ ...process.env, SEED_ON_START: 'false', OUTBOX_WORKER: 'off' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    let shown = -1;
    const result = await app.get(ClassifierTrainingService).retrain(corpus, ({ done, total }) => {
      const percent = Math.floor((done / total) * 100);
      if (percent === shown) return;
      shown = percent;
      process.stderr.write(`\rtraining ${'█'.repeat(Math.round(percent * 0.3)).padEnd(30, '░')} ${percent}%`);
    });
    process.stderr.write('\n');
    process.stdout.write(
      `classifier v${result.version}: ${result.exampleCount} examples (${result.corrections} corrections); ` +
        `held-out ${result.heldOut}: accuracy ${result.accuracy.toFixed(3)}, macro-F1 ${result.macroF1.toFixed(3)}\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`classifier retrain failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
