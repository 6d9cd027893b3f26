// Runs the original MoveNet MultiPose Lightning TFJS graph model (@tensorflow/tfjs, pure-JS CPU
// backend) and the converted ONNX model (onnxruntime-node) on the SAME int32 input tensors and
// reports the differences over the whole [1,6,56] output.
//
// Preprocessing is the one the model's runtime library uses (@vladmandic/human 3.0.4,
// src/body/movenetfix.ts padInput): pad the shorter side with zeros to a centred square
// (Math.trunc((long - short) / 2) on both sides), tf.image.resizeBilinear to 256x256 (default
// flags), tf.cast to int32 (truncation), NHWC [1,256,256,3], values 0..255.
// Output rows (6 people): 17 x (y, x, score) keypoints, then ymin, xmin, ymax, xmax, score;
// coordinates normalised 0..1 in the padded square.
//
// usage: node verify_movenet.mjs --tfjs work/package/models/movenet-multipose.json
//          --onnx ../../models/movenet-multipose/model.onnx [--report r.json]
//          [--reference-dir DIR --reference NAME=IMG ...] IMG...
// Exit code 1 when a difference exceeds the tolerance (TOL).
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import ort from 'onnxruntime-node';
import { decode, encodePng, loadTfjs, parseArgs } from './verify_common.mjs';

// coordinates are normalised (1.0 = 256 input px): 1e-4 = 0.026 px; scores 0..1
const TOL = { coord: 1e-4, score: 1e-4 };
const INPUT = 256;

function preprocess(img) {
  return tf.tidy(() => {
    const t = tf.tensor4d(img.rgb, [1, img.height, img.width, 3], 'int32');
    const h = img.height, w = img.width;
    const ph = w > h ? Math.trunc((w - h) / 2) : 0;
    const pw = h > w ? Math.trunc((h - w) / 2) : 0;
    const padded = tf.pad(t, [[0, 0], [ph, ph], [pw, pw], [0, 0]]);
    return tf.cast(tf.image.resizeBilinear(padded, [INPUT, INPUT]), 'int32');
  });
}

function compare(ref, got) {
  let coord = 0, score = 0;
  for (let p = 0; p < 6; p++) {
    for (let c = 0; c < 56; c++) {
      const i = p * 56 + c;
      const isScore = c === 55 || (c < 51 && c % 3 === 2);
      const d = Math.abs(ref[i] - got[i]);
      if (isScore) score = Math.max(score, d); else coord = Math.max(coord, d);
    }
  }
  return { coord, score };
}

function people(out, minScore) {
  const res = [];
  for (let p = 0; p < 6; p++) {
    const r = out.slice(p * 56, p * 56 + 56);
    if (r[55] < minScore) continue;
    res.push({ score: +r[55].toFixed(4), box: Array.from(r.slice(51, 55), (v) => +v.toFixed(4)),
      keypointsAbove03: Array.from({ length: 17 }, (_, k) => r[k * 3 + 2]).filter((s) => s >= 0.3).length });
  }
  return res;
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  await tf.setBackend('cpu');
  const model = await loadTfjs(a.tfjs);
  const session = await ort.InferenceSession.create(a.onnx);
  const refs = new Map(a.references.map((r) => { const [k, v] = r.split('='); return [v, k]; }));
  const images = [...a.images, ...[...refs.keys()].filter((f) => !a.images.includes(f))];
  const report = { tolerance: TOL, input: '[1,256,256,3] int32, centred zero pad to square + resizeBilinear + cast', images: [] };
  let fail = false;
  const worst = { coord: 0, score: 0 };
  for (const file of images) {
    const inputT = preprocess(decode(file));
    const outT = model.execute(inputT);
    const ref = outT.dataSync();
    const data = inputT.dataSync();
    const res = await session.run({ input: new ort.Tensor('int32', Int32Array.from(data), [1, INPUT, INPUT, 3]) });
    const got = res.output.data;
    const d = compare(ref, got);
    worst.coord = Math.max(worst.coord, d.coord); worst.score = Math.max(worst.score, d.score);
    const ok = d.coord <= TOL.coord && d.score <= TOL.score;
    if (!ok) fail = true;
    report.images.push({ image: path.basename(file), maxAbsCoord: d.coord, maxAbsScore: d.score, ok,
      tfjsPeopleScoreAbove02: people(ref, 0.2) });
    console.log(`${path.basename(file)}: coord ${d.coord.toExponential(2)} score ${d.score.toExponential(2)} ` +
      `people>=0.2 ${people(ref, 0.2).length} ${ok ? 'ok' : 'OUT OF TOLERANCE'}`);
    if (refs.has(file) && a.refDir) {
      const name = refs.get(file);
      const u8 = Uint8Array.from(data); // int32 values 0..255
      fs.writeFileSync(path.join(a.refDir, `${name}.movenet.png`), encodePng(u8, INPUT, INPUT));
      fs.writeFileSync(path.join(a.refDir, `${name}.movenet.tfjs.json`), JSON.stringify({
        source: path.basename(file), model: 'movenet-multipose (TFJS 4.22.0 cpu)',
        output: Array.from(ref, (v) => +v.toPrecision(8)), people: people(ref, 0.2) }, null, 1));
    }
    tf.dispose([inputT, outT]);
  }
  report.worst = worst;
  if (a.report) fs.writeFileSync(a.report, JSON.stringify(report, null, 1));
  console.log(`worst: coord ${worst.coord.toExponential(2)} score ${worst.score.toExponential(2)}`);
  process.exit(fail ? 1 : 0);
}
main().catch((e) => { console.error(e); process.exit(2); });
