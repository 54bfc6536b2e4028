import { Injectable } from '@nestjs/common';
import {
  evaluateClassifier,
  loadClassifierModel,
  serializeClassifierModel,
  stratifiedSplit,
  trainClassifier,
  type LabelledExample,
  type ProgressListener,
} from '@ssp/text';
import { ClassificationRulesRepository } from './classification-rules.repository';
import { ClassifierModelsRepository } from './classifier-models.repository';
import { TrainingExamplesRepository } from './training-examples.repository';

/** Share of the examples held out to measure the new model before it is trained on everything. */
const HOLD_OUT = 0.15;
const SPLIT_SEED = 20261201;

export interface RetrainResult {
  version: number;
  exampleCount: number;
  corrections: number;
  heldOut: number;
  accuracy: number;
  macroF1: number;
}

/**
 * `classifier retrain`: the shipped corpus plus every correction staff and admins made, labels limited to
 * the active subcategories, measured on a held-out share, then trained on all of it and stored as the
 * next version (every instance switches to it within seconds).
 */
@Injectable()
export class ClassifierTrainingService {
  constructor(
    private readonly corrections: TrainingExamplesRepository,
    private readonly models: ClassifierModelsRepository,
    private readonly rules: ClassificationRulesRepository,
  ) {}

  async retrain(corpus: LabelledExample[], onProgress?: ProgressListener): Promise<RetrainResult> {
    const leaves = new Set((await this.rules.activeCategories()).filter((c) => c.parentId !== null).map((c) => c.code));
    const corrections = (await this.corrections.all()).map((row) => ({ label: row.categoryCode, text: row.text }));
    const examples = [...corpus, ...corrections].filter((example) => leaves.has(example.label));
    if (examples.length === 0) throw new Error('no training examples for the active categories');

    const { train, heldOut } = stratifiedSplit(examples, HOLD_OUT, SPLIT_SEED);
    const measured = evaluateClassifier(loadClassifierModel(serializeClassifierModel(trainClassifier(train))), heldOut);
    const model = trainClassifier(examples, {}, onProgress);
    const metrics = { accuracy: measured.accuracy, macroF1: measured.macroF1, heldOut: heldOut.length };
    const version = await this.models.insertNext({ exampleCount: examples.length, metrics, content: serializeClassifierModel(model) });
    return { version, exampleCount: examples.length, corrections: corrections.length, ...metrics };
  }
}
