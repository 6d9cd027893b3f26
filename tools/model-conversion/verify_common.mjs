// What the verify_*.mjs scripts share: decoding a photo to RGB (pure JS), loading a TFJS graph model
// from local files, and writing an RGB PNG. Each script keeps its own preprocessing, comparison and
// report. Written for GroundStream.
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

// A PNG or JPEG file -> { width, height, rgb: Uint8Array (HxWx3) }.
export function decode(file) {
  const buf = fs.readFileSync(file);
  let w, h, rgba;
  if (buf[0] === 0x89 && buf[1] === 0x50) {
    const png = PNG.sync.read(buf); // always expands to 8-bit RGBA
    w = png.width; h = png.height; rgba = png.data;
  } else {
    const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    w = img.width; h = img.height; rgba = img.data;
  }
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0, j = 0; i < w * h * 4; i += 4, j += 3) {
    rgb[j] = rgba[i]; rgb[j + 1] = rgba[i + 1]; rgb[j + 2] = rgba[i + 2];
  }
  return { width: w, height: h, rgb };
}

// model.json and its weight shards from disk (no fetch), as a tf.GraphModel.
export async function loadTfjs(jsonPath) {
  const mj = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
  const dir = path.dirname(jsonPath);
  const specs = [];
  const parts = [];
  for (const g of mj.weightsManifest) {
    specs.push(...g.weights);
    for (const p of g.paths) parts.push(fs.readFileSync(path.join(dir, p)));
  }
  const all = Buffer.concat(parts);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tf.loadGraphModel({
    load: async () => ({
      modelTopology: mj.modelTopology, format: mj.format, generatedBy: mj.generatedBy,
      convertedBy: mj.convertedBy, signature: mj.signature, weightSpecs: specs, weightData,
    }),
  });
}

// RGB bytes (HxWx3) -> a lossless 8-bit RGB PNG.
export function encodePng(rgbU8, w, h) {
  const png = new PNG({ width: w, height: h, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  const rgba = Buffer.alloc(w * h * 4);
  for (let i = 0, j = 0; j < w * h * 3; i += 4, j += 3) {
    rgba[i] = rgbU8[j]; rgba[i + 1] = rgbU8[j + 1]; rgba[i + 2] = rgbU8[j + 2]; rgba[i + 3] = 255;
  }
  png.data = rgba;
  return PNG.sync.write(png, { colorType: 2 });
}

// The verify scripts' command line: --tfjs, --onnx, --report, --reference-dir, --reference NAME=IMG
// (repeatable), the script's own `values` (flag -> key, with a value) and `switches` (flag -> key);
// every other word is an image. Throws naming the `required` keys when one is missing.
export function parseArgs(argv, { values = {}, switches = {}, required = ['tfjs', 'onnx'] } = {}) {
  const a = { images: [], references: [] };
  const takes = { '--tfjs': 'tfjs', '--onnx': 'onnx', '--report': 'report', '--reference-dir': 'refDir', ...values };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--reference') a.references.push(argv[++i]);
    else if (k in takes) a[takes[k]] = argv[++i];
    else if (k in switches) a[switches[k]] = true;
    else a.images.push(k);
  }
  if (required.some((key) => !a[key])) {
    const flags = required.map((key) => `--${key}`);
    throw new Error(`need ${flags.slice(0, -1).join(', ')} and ${flags[flags.length - 1]}`);
  }
  return a;
}
