/** Held-out scores of two models for the same rows: scores[row * classes + c]. */
export interface HeldOutScores {
  classes: number;
  truth: Int32Array;
  svm: Float64Array;
  nb: Float64Array;
}

export interface EnsembleWeights {
  svmWeight: number;
  nbWeight: number;
  logLoss: number;
}

/**
 * Fits p(c | x) = softmax(a·svm_c + b·nb_c) with a, b ≥ 0 by minimising the log loss on held-out scores
 * (projected Newton with backtracking; the loss is convex in a and b). This is both the ensemble of the
 * discriminative and the generative model and the calibration: a and b are inverse temperatures, so the
 * confidences mean what they say on data the models did not see. As in Platt scaling, the targets are
 * smoothed (the true label gets 1 − ε, the others share ε = K / (n + 2K)), so held-out scores that happen
 * to separate perfectly — small training sets — do not drive the weights, and every confidence, to infinity.
 */
export function fitEnsembleWeights(scores: HeldOutScores): EnsembleWeights {
  return minimiseLogLoss(scores, true);
}

function minimiseLogLoss(scores: HeldOutScores, useNaiveBayes: boolean): EnsembleWeights {
  let theta: [number, number] = [1, useNaiveBayes ? 0.1 : 0];
  let current = lossAndDerivatives(scores, theta);
  for (let iteration = 0; iteration < 60; iteration++) {
    const [ga, gb] = current.gradient;
    const [haa, hab, hbb] = current.hessian;
    let step: [number, number];
    if (useNaiveBayes) {
      const det = (haa + 1e-9) * (hbb + 1e-9) - hab * hab;
      step = det > 1e-18 ? [-((hbb + 1e-9) * ga - hab * gb) / det, -((haa + 1e-9) * gb - hab * ga) / det] : [-ga, -gb];
    } else {
      step = [-ga / (haa + 1e-9), 0];
    }
    let length = 1;
    let accepted = false;
    while (length > 1e-6) {
      const candidate: [number, number] = [Math.max(0, theta[0] + length * step[0]), Math.max(0, theta[1] + length * step[1])];
      const next = lossAndDerivatives(scores, candidate);
      if (next.loss < current.loss - 1e-12) {
        accepted = Math.abs(candidate[0] - theta[0]) + Math.abs(candidate[1] - theta[1]) > 1e-7;
        theta = candidate;
        current = next;
        break;
      }
      length /= 2;
    }
    if (!accepted) break;
  }
  return { svmWeight: theta[0], nbWeight: theta[1], logLoss: current.loss };
}

function lossAndDerivatives(scores: HeldOutScores, [a, b]: [number, number]) {
  const { classes, truth, svm, nb } = scores;
  const rows = truth.length;
  const smoothing = classes / (rows + 2 * classes);
  const other = smoothing / classes;
  const own = 1 - smoothing + other;
  const probability = new Float64Array(classes);
  let loss = 0;
  let ga = 0;
  let gb = 0;
  let haa = 0;
  let hab = 0;
  let hbb = 0;
  for (let row = 0; row < rows; row++) {
    const base = row * classes;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      probability[c] = a * svm[base + c] + b * nb[base + c];
      if (probability[c] > max) max = probability[c];
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      probability[c] = Math.exp(probability[c] - max);
      sum += probability[c];
    }
    const y = truth[row];
    let targetSvm = 0;
    let targetNb = 0;
    for (let c = 0; c < classes; c++) {
      const q = c === y ? own : other;
      targetSvm += q * svm[base + c];
      targetNb += q * nb[base + c];
    }
    loss += Math.log(sum) + max - (a * targetSvm + b * targetNb);
    let es = 0;
    let en = 0;
    let ess = 0;
    let esn = 0;
    let enn = 0;
    for (let c = 0; c < classes; c++) {
      const p = probability[c] / sum;
      const s = svm[base + c];
      const n = nb[base + c];
      es += p * s;
      en += p * n;
      ess += p * s * s;
      esn += p * s * n;
      enn += p * n * n;
    }
    ga += es - targetSvm;
    gb += en - targetNb;
    haa += ess - es * es;
    hab += esn - es * en;
    hbb += enn - en * en;
  }
  return { loss: loss / rows, gradient: [ga / rows, gb / rows], hessian: [haa / rows, hab / rows, hbb / rows] };
}
