package dev.gptoss.ls.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    private final SecretRedactor redactor = SecretRedactor.standard();

    @Test
    void everyPlantedFormatIsReplacedByAPlaceholderNamingItsKind() {
        for (PlantedSecrets.Planted planted : PlantedSecrets.all(0)) {
            Redacted redacted = redactor.redact("x = 1\n" + planted.line() + "\ny = 2\n");
            assertFalse(redacted.text().contains(planted.secret()), planted.kind() + " leaked: " + redacted.text());
            assertTrue(redacted.text().contains("<redacted:" + planted.kind() + ":1>"),
                    planted.kind() + " got another placeholder: " + redacted.text());
            assertTrue(redacted.text().startsWith("x = 1\n") && redacted.text().endsWith("\ny = 2\n"));
        }
    }

    @Test
    void theSameSecretGetsTheSamePlaceholderAcrossThePrompt() {
        String token = PlantedSecrets.all(1).get(0).secret();
        Redacted first = redactor.redact("a = \"" + token + "\"\nb = \"" + token + "\"\n");
        assertEquals("a = \"<redacted:github-token:1>\"\nb = \"<redacted:github-token:1>\"\n", first.text());
        Redacted second = redactor.redact("again(\"" + token + "\", \"AKIAABCDEFGHIJKLMNOP\")", first);
        assertEquals("again(\"<redacted:github-token:1>\", \"<redacted:aws-access-key:2>\")", second.text());
    }

    @Test
    void onlyTheValueOfAnAssignmentIsReplaced() {
        assertEquals("db_password = \"<redacted:password:1>\"", redactor.redact("db_password = \"hunter2-xyz\"").text());
        assertEquals("PASSWORD=<redacted:password:1>\n", redactor.redact("PASSWORD=s3cr3t-value\n").text());
        assertEquals("url = \"postgres://user:<redacted:connection-password:1>@host/db\"",
                redactor.redact("url = \"postgres://user:pass1234@host/db\"").text());
    }

    @Test
    void aKeyBlockCutByThePromptWindowIsStillCaught() {
        String pem = PlantedSecrets.all(2).stream().filter(p -> p.kind().equals("private-key")).findFirst()
                .orElseThrow().secret();
        String withoutBegin = pem.substring(pem.indexOf('\n') + 1);
        String withoutEnd = pem.substring(0, pem.lastIndexOf("\n-----END"));
        for (String cut : List.of(withoutBegin, withoutEnd)) {
            Redacted redacted = redactor.redact("KEY = \"\"\"\n" + cut + "\n\"\"\"\n");
            for (String line : pem.split("\n")) {
                if (!line.startsWith("-----")) {
                    assertFalse(redacted.text().contains(line), "a key line leaked: " + redacted.text());
                }
            }
        }
    }

    @Test
    void ordinaryCodeIsLeftAlone() {
        String code = """
                def login(user, password):
                    token = tokenizer.next_token()
                    key = "name"
                    secret_name = "db-password"
                    password_hint = get_hint(user)
                    api_key = os.environ["OPENAI_API_KEY"]
                    if password == "":
                        raise ValueError("empty password")
                    keys = sorted(mapping.keys())
                    auth_header = f"Bearer {token}"
                    url = "https://example.com/api/v1/items"
                    self.password = password
                    pwd = None
                    password = config['password']
                    handle = win32api.RegOpenKeyEx
                    return check(user, password, "${DB_PASSWORD}")
                """;
        Redacted redacted = redactor.redact(code);
        assertEquals(code, redacted.text(), "secrets: " + redacted.secrets());
    }

    @Test
    void highEntropyValuesAreSecretsOnlyUnderASecretLikeName() {
        String value = "q8ZfT3kLm2Vx9RbN4wYc7HsJ1dPe6GaU";
        assertTrue(redactor.redact("auth_token: '" + value + "'").found());
        assertTrue(redactor.redact("SECRET_KEY=" + value).found());
        assertFalse(redactor.redact("checksum = '" + value + "'").found());
        assertFalse(redactor.redact("api_key = 'aaaaaaaaaaaaaaaaaaaa1'").found(), "not random enough");
    }

    @Test
    void suggestionsThatReinsertASecretOrAPlaceholderAreRecognised() {
        String token = PlantedSecrets.all(3).get(0).secret();
        Redacted prompt = redactor.redact("token = \"" + token + "\"\n");
        assertTrue(SecretRedactor.containsSecret("print(\"" + token + "\")", prompt));
        assertTrue(SecretRedactor.containsSecret("use(<redacted:github-token:1>)", prompt));
        assertFalse(SecretRedactor.containsSecret("use(token)", prompt));
    }

    @Test
    void customPatternsAndTheOffSwitch() {
        var custom = new SecretRedactor(List.of(SecretDetector.of("employee-id", "EMP-(\\d{6})")), true);
        assertEquals("who = \"EMP-<redacted:employee-id:1>\"", custom.redact("who = \"EMP-123456\"").text());
        var off = new SecretRedactor(SecretDetectors.builtIn(), false);
        String line = PlantedSecrets.all(0).get(0).line();
        assertEquals(line, off.redact(line).text());
    }

    @Test
    void aPatternThatBacktracksWithoutEndGivesUpInsteadOfHanging() {
        var runaway = new SecretRedactor(List.of(new SecretDetector("runaway", Pattern.compile("(a+)+b"),
                List.of(), 0, v -> true)), true);
        assertThrows(UnredactableTextException.class, () -> runaway.redact("a".repeat(5000)));
    }

    @Test
    void aSecretTheCursorSitsInsideIsStillFoundWhole() {
        String token = PlantedSecrets.all(5).get(0).secret();
        String cut = "t = \"" + token.substring(0, 10) + "<CURSOR>" + token.substring(10) + "\"\nnext = 1 <CURSOR2>";
        Redacted redacted = redactor.redact(cut, Redacted.NONE, "<CURSOR>");
        assertEquals("t = \"<redacted:github-token:1><CURSOR>\"\nnext = 1 <CURSOR2>", redacted.text());
        assertEquals("x <CURSOR> y", redactor.redact("x <CURSOR> y", Redacted.NONE, "<CURSOR>").text());
        assertEquals("a = \"<redacted:github-token:1>\"<CURSOR>", redactor.redact("a = \"" + token + "\"<CURSOR>",
                Redacted.NONE, "<CURSOR>").text());
        assertEquals("<CURSOR>a = \"<redacted:github-token:1>\"", redactor.redact("<CURSOR>a = \"" + token + "\"",
                Redacted.NONE, "<CURSOR>").text());
    }
}
