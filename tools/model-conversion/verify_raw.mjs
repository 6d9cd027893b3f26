// Generic check (tolerance on |diff| / max(1, |reference|)) of a converted single-input float32 TFJS graph model: the same input tensor
// (photo -> tf.image.resizeBilinear to SIZE x SIZE -> value * SCALE + OFFSET, NHWC) fed to TFJS
// (cpu backend) and ONNX Runtime (onnxruntime-node); max abs difference per named output.
// usage: node verify_raw.mjs --tfjs M.json --onnx M.onnx --size 256 --scale 0.00784313725 --offset -1
//          --output TF_NAME=ONNX_NAME ... [--tolerance 1e-4] [--report r.json] IMG...
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import ort from 'onnxruntime-node';
import { decode, loadTfjs } from './verify_common.mjs';

const a = { images: [], outputs: [], size: 256, scale: 1, offset: 0, tolerance: 1e-4 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i];
  if (k === '--tfjs') a.tfjs = argv[++i];
  else if (k === '--onnx') a.onnx = argv[++i];
  else if (k === '--size') a.size = +argv[++i];
  else if (k === '--scale') a.scale = +argv[++i];
  else if (k === '--offset') a.offset = +argv[++i];
  else if (k === '--tolerance') a.tolerance = +argv[++i];
  else if (k === '--report') a.report = argv[++i];
  else if (k === '--output') a.outputs.push(argv[++i].split('='));
  else a.images.push(k);
}

async function main() {
  await tf.setBackend('cpu');
  const model = await loadTfjs(a.tfjs);
  const session = await ort.InferenceSession.create(a.onnx);
  const inputName = session.inputNames[0];
  const report = { tolerance: a.tolerance, preprocessing: { size: a.size, scale: a.scale, offset: a.offset }, images: [] };
  let worst = 0;
  for (const file of a.images) {
    const img = decode(file);
    const x = tf.tidy(() => tf.image.resizeBilinear(tf.tensor4d(img.rgb, [1, img.height, img.width, 3], 'int32').toFloat(),
      [a.size, a.size]).mul(a.scale).add(a.offset));
    const refs = model.execute(x, a.outputs.map((o) => o[0]));
    const res = await session.run({ [inputName]: new ort.Tensor('float32', Float32Array.from(x.dataSync()), [1, a.size, a.size, 3]) });
    const row = { image: path.basename(file) };
    a.outputs.forEach(([tfName, onnxName], i) => {
      const r = (Array.isArray(refs) ? refs[i] : refs).dataSync();
      const g = res[onnxName].data;
      // difference relative to max(1, |reference|): raw logits/regressions reach magnitudes of 100+
      let m = r.length === g.length ? 0 : Infinity;
      let absMax = 0, range = 0;
      for (let k = 0; k < r.length; k++) {
        const d = Math.abs(r[k] - g[k]);
        absMax = Math.max(absMax, d);
        range = Math.max(range, Math.abs(r[k]));
        m = Math.max(m, d / Math.max(1, Math.abs(r[k])));
      }
      row[onnxName] = { maxAbs: absMax, maxRelative: m, maxAbsReference: range }; worst = Math.max(worst, m);
    });
    report.images.push(row);
    console.log(JSON.stringify(row));
    tf.dispose([x, refs]);
  }
  report.worst = worst;
  if (a.report) fs.writeFileSync(a.report, JSON.stringify(report, null, 1));
  console.log('worst', worst, worst <= a.tolerance ? 'ok' : 'OUT OF TOLERANCE');
  process.exit(worst <= a.tolerance ? 0 : 1);
}
main().catch((e) => { console.error(e); process.exit(2); });
