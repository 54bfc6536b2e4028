/**
 * The classifiers nsfwjs ships inside its npm package (`nsfwjs/dist/models/<dir>/`): a `model.min.js`
 * with the topology and one or more `group1-shardXofN.min.js` files holding the weights as base64. They
 * are loaded from those local files, never from a URL. This table carries no TensorFlow import so the
 * main thread can read the input size without loading the model runtime.
 */
export type NsfwModelName = 'MobileNetV2' | 'MobileNetV2Mid' | 'InceptionV3';

export interface NsfwModelSpec {
  /** folder under `nsfwjs/dist/models/` */
  directory: string;
  /** square input in pixels the network expects */
  inputSize: number;
  /** tfjs format of `model.min.js`: a Keras layers model or a converted graph model */
  format: 'layers' | 'graph';
}

export const NSFW_MODELS: Record<NsfwModelName, NsfwModelSpec> = {
  /** ~2.6 MB of weights, 224 px: the default, ~60 ms per image on one core with the wasm backend */
  MobileNetV2: { directory: 'mobilenet_v2', inputSize: 224, format: 'layers' },
  MobileNetV2Mid: { directory: 'mobilenet_v2_mid', inputSize: 224, format: 'graph' },
  /** ~22 MB of weights, 299 px: more accurate on paper, several times slower */
  InceptionV3: { directory: 'inception_v3', inputSize: 299, format: 'layers' },
};

/** The five classes of the nsfwjs models, in the order of the network's output. */
export const NSFW_CLASSES = ['drawing', 'hentai', 'neutral', 'porn', 'sexy'] as const;
export type NsfwClass = (typeof NSFW_CLASSES)[number];
export type NsfwScores = Record<NsfwClass, number>;
