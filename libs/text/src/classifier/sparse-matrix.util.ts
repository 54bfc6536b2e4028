/** Rows of sparse feature vectors in compressed-row form. */
export interface CsrMatrix {
  rows: number;
  columns: number;
  rowStart: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** The rows `rowIds` of `matrix`, in that order. */
export function selectRows(matrix: CsrMatrix, rowIds: ArrayLike<number>): CsrMatrix {
  let size = 0;
  for (let k = 0; k < rowIds.length; k++) size += matrix.rowStart[rowIds[k] + 1] - matrix.rowStart[rowIds[k]];
  const rowStart = new Int32Array(rowIds.length + 1);
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  let at = 0;
  for (let k = 0; k < rowIds.length; k++) {
    const from = matrix.rowStart[rowIds[k]];
    const to = matrix.rowStart[rowIds[k] + 1];
    indices.set(matrix.indices.subarray(from, to), at);
    values.set(matrix.values.subarray(from, to), at);
    at += to - from;
    rowStart[k + 1] = at;
  }
  return { rows: rowIds.length, columns: matrix.columns, rowStart, indices, values };
}

/** Scores of every row against `classes` dense weight vectors (+ bias): scores[row * classes + c]. */
export function linearScores(matrix: CsrMatrix, weights: readonly Float64Array[], bias: ArrayLike<number>): Float64Array {
  const classes = weights.length;
  const scores = new Float64Array(matrix.rows * classes);
  for (let row = 0; row < matrix.rows; row++) {
    const from = matrix.rowStart[row];
    const to = matrix.rowStart[row + 1];
    for (let c = 0; c < classes; c++) {
      const w = weights[c];
      let sum = bias[c];
      for (let k = from; k < to; k++) sum += w[matrix.indices[k]] * matrix.values[k];
      scores[row * classes + c] = sum;
    }
  }
  return scores;
}
