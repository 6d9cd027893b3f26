// Generic check (tolerance on |diff| / max(1, |reference|)) of a converted single-input float32 TFJS graph model: the same input tensor
// (photo -> tf.image.resizeBilinear to SIZE x SIZE -> value * SCALE + OFFSET, NHWC) fed to TFJS
// (cpu backend) and ONNX Runtime (onnxruntime-node); max abs difference per named output.
// usage: node verify_raw.mjs --tfjs M.json --onnx M.onnx --size 256 --scale 0.00784313725 --offset -1
//          --output TF_NAME=ONNX_NAME ... [--tolerance 1e-4] [--report r.json] IMG...
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import ort from 'onnxruntime-node';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

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

function decode(file) {
  const buf = fs.readFileSync(file);
  let w, h, rgba;
  if (buf[0] === 0x89 && buf[1] === 0x50) { const p = PNG.sync.read(buf); w = p.width; h = p.height; rgba = p.data; }
  else { const j = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 }); w = j.width; h = j.height; rgba = j.data; }
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0, j = 0; i < w * h * 4; i += 4, j += 3) { rgb[j] = rgba[i]; rgb[j + 1] = rgba[i + 1]; rgb[j + 2] = rgba[i + 2]; }
  return { w, h, rgb };
}

async function main() {
  await tf.setBackend('cpu');
  const mj = JSON.parse(fs.readFileSync(a.tfjs, 'utf8'));
  const dir = path.dirname(a.tfjs);
  const specs = [], parts = [];
  for (const g of mj.weightsManifest) { specs.push(...g.weights); for (const p of g.paths) parts.push(fs.readFileSync(path.join(dir, p))); }
  const all = Buffer.concat(parts);
  const model = await tf.loadGraphModel({ load: async () => ({ modelTopology: mj.modelTopology, format: mj.format,
    weightSpecs: specs, weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) }) });
  const session = await ort.InferenceSession.create(a.onnx);
  const inputName = session.inputNames[0];
  const report = { tolerance: a.tolerance, preprocessing: { size: a.size, scale: a.scale, offset: a.offset }, images: [] };
  let worst = 0;
  for (const file of a.images) {
    const img = decode(file);
    const x = tf.tidy(() => tf.image.resizeBilinear(tf.tensor4d(img.rgb, [1, img.h, img.w, 3], 'int32').toFloat(),
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
