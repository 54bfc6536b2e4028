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
