package dev.gptoss.ls.guard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * One credential of every format the guard promises to catch, generated from a fixed seed (so no
 * real-looking token is committed and scanners stay quiet), with the line of code that plants it.
 */
public final class PlantedSecrets {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String BASE64 = ALNUM + "+/";
    private static final String DIGITS = "0123456789";

    /**
     * @param kind the detector expected to name it
     * @param secret the value that must never leave
     * @param line how it sits in code
     */
    public record Planted(String kind, String secret, String line) {
    }

    private PlantedSecrets() {
    }

    /** Every format, with values that differ per {@code variant} (one per file of a test). */
    public static List<Planted> all(int variant) {
        var random = new Random(8_000 + variant);
        var planted = new ArrayList<Planted>();
        String github = "ghp_" + pick(random, ALNUM, 36);
        planted.add(new Planted("github-token", github, "GITHUB_TOKEN = \"" + github + "\""));
        String gitlab = "glpat-" + pick(random, ALNUM, 20);
        planted.add(new Planted("gitlab-token", gitlab, "gitlab = Gitlab(url, private_token='" + gitlab + "')"));
        String slack = "xoxb-" + pick(random, DIGITS, 12) + "-" + pick(random, DIGITS, 13) + "-" + pick(random, ALNUM, 24);
        planted.add(new Planted("slack-token", slack, "slack_client = WebClient(\"" + slack + "\")"));
        String openai = "sk-" + pick(random, ALNUM, 48);
        planted.add(new Planted("openai-key", openai, "openai.api_key = \"" + openai + "\""));
        String project = "sk-proj-" + pick(random, ALNUM, 40) + "_" + pick(random, ALNUM, 40);
        planted.add(new Planted("openai-key", project, "client = OpenAI(api_key=\"" + project + "\")"));
        String accessKey = "AKIA" + pick(random, UPPER_ALNUM, 16);
        planted.add(new Planted("aws-access-key", accessKey, "aws_access_key_id = \"" + accessKey + "\""));
        String secretKey = pick(random, BASE64, 40);
        planted.add(new Planted("aws-secret-key", secretKey, "aws_secret_access_key = \"" + secretKey + "\""));
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
                + base64Url("{\"sub\":\"" + pick(random, DIGITS, 10) + "\",\"name\":\"Jane Doe\",\"admin\":true}")
                + "." + pick(random, ALNUM, 43);
        planted.add(new Planted("jwt", jwt, "headers = {\"Authorization\": \"JWT " + jwt + "\"}"));
        String pemBody = pemBody(random);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + pemBody + "\n-----END RSA PRIVATE KEY-----";
        planted.add(new Planted("private-key", pem, "PRIVATE_KEY = \"\"\"" + pem + "\"\"\""));
        String dbPassword = "Pg" + pick(random, ALNUM, 14) + "!";
        planted.add(new Planted("connection-password", dbPassword,
                "DATABASE_URL = \"postgres://app_user:" + dbPassword + "@db.internal:5432/orders\""));
        String password = "correct-Horse-" + pick(random, ALNUM, 8);
        planted.add(new Planted("password", password, "password = \"" + password + "\""));
        String apiToken = pick(random, ALNUM, 32);
        planted.add(new Planted("secret", apiToken, "api_token = \"" + apiToken + "\""));
        return planted;
    }

    /** The same credentials as a {@code .env} file writes them. */
    public static String dotEnv(int variant) {
        var lines = new StringBuilder();
        for (Planted p : all(variant)) {
            String name = p.kind().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            String value = p.secret().contains("\n") ? "\"" + p.secret().replace("\n", "\\n") + "\"" : p.secret();
            lines.append(name).append('=').append(value).append('\n');
        }
        return lines.toString();
    }

    /**
     * The forms in which a secret could be hidden in a request body: as is, JSON-escaped, and
     * base64 at each of the three byte alignments it could have inside a longer base64 text
     * (minus the characters at the edges, which depend on the neighbouring bytes).
     */
    public static List<String> leakForms(String secret) {
        var forms = new ArrayList<String>();
        forms.add(secret);
        forms.add(jsonEscaped(secret));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int pad = 0; pad < 3; pad++) {
            byte[] padded = new byte[pad + bytes.length];
            System.arraycopy(bytes, 0, padded, pad, bytes.length);
            String encoded = Base64.getEncoder().encodeToString(padded);
            int cutStart = pad == 0 ? 0 : 4;
            forms.add(encoded.substring(cutStart, Math.max(cutStart, encoded.length() - 4)));
        }
        for (String line : secret.split("\n")) {
            if (line.length() >= 16 && !line.startsWith("-----")) {
                forms.add(line);
            }
        }
        return forms;
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    private static String pemBody(Random random) {
        var lines = new ArrayList<String>();
        lines.add("MIIEpAIBAAKCAQEA" + pick(random, BASE64, 48));
        for (int i = 0; i < 6; i++) {
            lines.add(pick(random, BASE64, 64));
        }
        lines.add(pick(random, BASE64, 28) + "==");
        return String.join("\n", lines);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pick(Random random, String alphabet, int n) {
        var out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
