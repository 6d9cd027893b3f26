// Checks the converted model in ONNX Runtime *Java* against the recorded TFJS reference outputs.
// A developer tool (single-file source program, not part of the Maven build):
//
//   java -cp ~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.29.0/onnxruntime-1.29.0.jar \
//        tools/model-conversion/VerifyOnnxJava.java models/centernet-coco/model.onnx \
//        tools/model-conversion/reference/dog tools/model-conversion/reference/horses ...
//
// For each prefix P it reads P.png (512x512 RGB, fed as float32 0..255 NHWC, no resize) and
// P.tfjs.json (100 rows [x1,y1,x2,y2,score,class] from @tensorflow/tfjs), and compares all rows.
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class VerifyOnnxJava {
    static final double TOL_BOX = 0.05;     // input pixels
    static final double TOL_SCORE = 1e-4;

    public static void main(String[] args) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        boolean ok = true;
        try (OrtSession session = env.createSession(args[0], new OrtSession.SessionOptions())) {
            System.out.println("inputs=" + session.getInputInfo().keySet() + " outputs=" + session.getOutputInfo().keySet());
            for (int a = 1; a < args.length; a++) {
                String prefix = args[a];
                BufferedImage img = ImageIO.read(new File(prefix + ".png"));
                int w = img.getWidth(), h = img.getHeight();
                FloatBuffer fb = ByteBuffer.allocateDirect(4 * w * h * 3).order(ByteOrder.nativeOrder()).asFloatBuffer();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int rgb = img.getRGB(x, y);
                        fb.put((rgb >> 16) & 0xff).put((rgb >> 8) & 0xff).put(rgb & 0xff);
                    }
                }
                fb.rewind();
                double[] ref = readDetections(Path.of(prefix + ".tfjs.json"));
                try (OnnxTensor in = OnnxTensor.createTensor(env, fb, new long[] {1, h, w, 3});
                     OrtSession.Result res = session.run(Map.of("images", in))) {
                    float[][][] det = (float[][][]) res.get("detections").get().getValue();
                    double box = 0, score = 0;
                    int classMismatch = 0;
                    for (int r = 0; r < 100; r++) {
                        for (int c = 0; c < 4; c++) box = Math.max(box, Math.abs(det[0][r][c] - ref[r * 6 + c]));
                        score = Math.max(score, Math.abs(det[0][r][4] - ref[r * 6 + 4]));
                        if (det[0][r][5] != ref[r * 6 + 5]) classMismatch++;
                    }
                    boolean pass = box <= TOL_BOX && score <= TOL_SCORE && classMismatch == 0;
                    ok &= pass;
                    System.out.printf("%s: %s max|d| box=%.3e px score=%.3e classMismatches=%d; top: class %d score %.4f box [%.2f, %.2f, %.2f, %.2f]%n",
                            prefix, pass ? "PASS" : "FAIL", box, score, classMismatch, (int) det[0][0][5], det[0][0][4],
                            det[0][0][0], det[0][0][1], det[0][0][2], det[0][0][3]);
                }
            }
        }
        System.exit(ok ? 0 : 1);
    }

    /** Reads the "detections" array (100 rows of 6 numbers) without a JSON library. */
    static double[] readDetections(Path json) throws Exception {
        String s = Files.readString(json);
        int start = s.indexOf("\"detections\"");
        String arr = s.substring(s.indexOf('[', start));
        Matcher m = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?").matcher(arr);
        List<Double> vals = new ArrayList<>();
        while (m.find() && vals.size() < 600) vals.add(Double.parseDouble(m.group()));
        if (vals.size() != 600) throw new IllegalStateException("expected 600 numbers in " + json);
        return vals.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
