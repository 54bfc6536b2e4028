import { trainNaiveBayesBaseline, trainTfidfSvmBaseline } from './baseline-models';
import type { LabelledExample, TrainClassifierOptions } from './classifier.types';
import type { LabelPredictor } from './evaluate-classifier.util';
import { TextClassifier } from './text-classifier';
import { trainClassifier } from './train-classifier';

export interface NamedTrainer {
  name: string;
  train: (examples: readonly LabelledExample[]) => LabelPredictor;
}

/** Our model first, then TF-IDF + linear SVM and multinomial naive Bayes. */
export function comparedTrainers(options: TrainClassifierOptions): NamedTrainer[] {
  return [
    { name: 'ours (stacked NBSVM+SVM+NB+cent.)', train: (examples) => new TextClassifier(trainClassifier(examples, options), options.normalize) },
    { name: 'TF-IDF char 1-3 + linear SVM', train: (examples) => trainTfidfSvmBaseline(examples) },
    { name: 'multinomial naive Bayes', train: (examples) => trainNaiveBayesBaseline(examples) },
  ];
}
