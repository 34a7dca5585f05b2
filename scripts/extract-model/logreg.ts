// Multinomial logistic regression on sparse unit-length vectors, trained full-batch with Adam from
// zero weights: no randomness and a fixed order of every sum, so the same data gives the same weights
// bit for bit.
export interface Sparse {
  index: number[]
  value: number[]
}

export interface LogRegOptions {
  /** L2 penalty on the weights (not the bias), per item */
  l2: number
  iterations: number
  learningRate: number
  /** per-item weights (e.g. to balance rare classes); 1 when left out */
  itemWeights?: number[]
}

export interface LogReg {
  classes: number
  features: number
  /** row-major: weights[f * classes + c] */
  weights: Float64Array
  bias: Float64Array
}

export function logits(model: LogReg, x: Sparse): Float64Array {
  const z = Float64Array.from(model.bias)
  for (let k = 0; k < x.index.length; k++) {
    const row = x.index[k] * model.classes
    for (let c = 0; c < model.classes; c++) z[c] += model.weights[row + c] * x.value[k]
  }
  return z
}

export function softmax(z: ArrayLike<number>, scale = 1): number[] {
  let max = -Infinity
  for (let c = 0; c < z.length; c++) max = Math.max(max, z[c] * scale)
  const e = Array.from(z, (v) => Math.exp(v * scale - max))
  const sum = e.reduce((s, v) => s + v, 0)
  return e.map((v) => v / sum)
}

export function trainLogReg(xs: Sparse[], ys: number[], classes: number, features: number, o: LogRegOptions): LogReg {
  const model: LogReg = { classes, features, weights: new Float64Array(features * classes), bias: new Float64Array(classes) }
  const n = xs.length
  const size = features * classes
  const gw = new Float64Array(size)
  const gb = new Float64Array(classes)
  const mw = new Float64Array(size)
  const vw = new Float64Array(size)
  const mb = new Float64Array(classes)
  const vb = new Float64Array(classes)
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8]
  const totalWeight = (o.itemWeights ?? xs.map(() => 1)).reduce((s, w) => s + w, 0)
  for (let t = 1; t <= o.iterations; t++) {
    gw.fill(0)
    gb.fill(0)
    for (let i = 0; i < n; i++) {
      const x = xs[i]
      const p = softmax(logits(model, x))
      const w = (o.itemWeights?.[i] ?? 1) / totalWeight
      p[ys[i]] -= 1
      for (let c = 0; c < classes; c++) gb[c] += w * p[c]
      for (let k = 0; k < x.index.length; k++) {
        const row = x.index[k] * classes
        for (let c = 0; c < classes; c++) gw[row + c] += w * p[c] * x.value[k]
      }
    }
    for (let j = 0; j < size; j++) gw[j] += o.l2 * model.weights[j]
    const step = (o.learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t)
    for (let j = 0; j < size; j++) {
      mw[j] = beta1 * mw[j] + (1 - beta1) * gw[j]
      vw[j] = beta2 * vw[j] + (1 - beta2) * gw[j] * gw[j]
      model.weights[j] -= (step * mw[j]) / (Math.sqrt(vw[j]) + eps)
    }
    for (let c = 0; c < classes; c++) {
      mb[c] = beta1 * mb[c] + (1 - beta1) * gb[c]
      vb[c] = beta2 * vb[c] + (1 - beta2) * gb[c] * gb[c]
      model.bias[c] -= (step * mb[c]) / (Math.sqrt(vb[c]) + eps)
    }
  }
  return model
}
