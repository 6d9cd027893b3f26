"""Reads a `groundstream generate --out` folder (Flickr30k Entities format) into arrays for training.

Images are shrunk exactly the way the grounding worker's stretch resize does it (bilinear on the
half-pixel-centre grid, no antialiasing: BilinearResizer), so the network trains on the pixels it
will be fed. Boxes are 0-based inclusive pixel indices of the original image (the importer's).
Written for GroundStream; no third-party code.
"""
import os
import re
import struct
import zlib
import xml.etree.ElementTree as ET

import numpy as np

# The generator's grammar (launcher/docs/synthetic.md): every word a caption can contain.
VOCAB = ["[UNK]", "a", "two", "three", "four",
         "red", "blue", "yellow", "purple", "orange", "black", "white",
         "circle", "circles", "square", "squares", "triangle", "triangles", "star", "stars",
         "diamond", "diamonds",
         "green", "field", "sky", "grey", "street", "sandy", "beach",
         "on", "in", "left", "right", "of", "above", "below", "and", ","]
WORD_ID = {w: i for i, w in enumerate(VOCAB)}

PHRASE = re.compile(r"\[/EN#(\d+)/(\S+) ([^\]]*)\]")


def tokenize(text):
    """What the worker's tokenizer.json does: lowercase, split words and punctuation, word ids."""
    return [WORD_ID.get(t, 0) for t in re.findall(r"\w+|[^\w\s]", text.lower())]


def read_png(path):
    """The generator's PNGs: 8-bit RGB, filter type 0 on every row (PngEncoder)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    at, idat, width, height = 8, [], 0, 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour == 2, "only 8-bit RGB"
        elif kind == b"IDAT":
            idat.append(body)
        at += 12 + length
    raw = np.frombuffer(zlib.decompress(b"".join(idat)), dtype=np.uint8).reshape(height, 1 + width * 3)
    assert (raw[:, 0] == 0).all(), "row filters other than 0 are not supported"
    return raw[:, 1:].reshape(height, width, 3)


def _grid(n, out):
    src = np.maximum(0.0, (np.arange(out, dtype=np.float32) + 0.5) * np.float32(n / out) - 0.5)
    lo = np.minimum(np.floor(src).astype(np.int64), n - 1)
    return lo, np.minimum(lo + 1, n - 1), (src - lo).astype(np.float32)


def stretch(rgb, out_w, out_h):
    """BilinearResizer.resize with half-pixel centres; float32 0..255, HWC."""
    h, w, _ = rgb.shape
    x0, x1, fx = _grid(w, out_w)
    y0, y1, fy = _grid(h, out_h)
    img = rgb.astype(np.float32)
    rows = img[:, x0] + (img[:, x1] - img[:, x0]) * fx[None, :, None]
    return rows[y0] + (rows[y1] - rows[y0]) * fy[:, None, None]


def load(root, split, out_w, out_h, limit=None):
    """Returns images [N, 3, H, W] float32 in 0..1 and, per image, a list of
    (phrase text, token ids, boxes [K, 4] original-pixel x1 y1 x2 y2 inclusive), phrases with boxes only."""
    with open(os.path.join(root, split + ".txt")) as f:
        ids = [line.strip() for line in f if line.strip()]
    if limit:
        ids = ids[:limit]
    cache = os.path.join(root, f".train-cache-{split}-{out_w}x{out_h}-{len(ids)}.npy")
    cached = np.load(cache) if os.path.exists(cache) else None
    images, scenes = [], []
    size = None
    for n, image_id in enumerate(ids):
        if cached is None or size is None:
            rgb = read_png(os.path.join(root, "images", image_id + ".png"))
            size = (rgb.shape[1], rgb.shape[0])
        if cached is None:
            images.append(stretch(rgb, out_w, out_h).transpose(2, 0, 1) / 255.0)
        boxes = {}
        for obj in ET.parse(os.path.join(root, "Annotations", image_id + ".xml")).getroot().iter("object"):
            bb = obj.find("bndbox")
            if bb is not None:
                b = [int(bb.find(k).text) - 1 for k in ("xmin", "ymin", "xmax", "ymax")]
                boxes.setdefault(obj.find("name").text, []).append(b)
        with open(os.path.join(root, "Sentences", image_id + ".txt")) as f:
            sentence = f.readline()
        phrases = []
        for chain, _type, text in PHRASE.findall(sentence):
            if chain in boxes:
                phrases.append((text, tokenize(text), np.array(boxes[chain], dtype=np.float32)))
        scenes.append(phrases)
    if cached is None:
        cached = np.stack(images).astype(np.float32)
        np.save(cache, cached)
    return cached, scenes, size


def write_tokenizer(path):
    """A word-level tokenizer.json that DJL's Hugging Face tokenizers (the worker) loads."""
    import json
    doc = {"version": "1.0", "truncation": None, "padding": None,
           "added_tokens": [{"id": 0, "content": "[UNK]", "single_word": False, "lstrip": False,
                             "rstrip": False, "normalized": False, "special": True}],
           "normalizer": {"type": "Lowercase"}, "pre_tokenizer": {"type": "Whitespace"},
           "post_processor": None, "decoder": None,
           "model": {"type": "WordLevel", "vocab": WORD_ID, "unk_token": "[UNK]"}}
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
