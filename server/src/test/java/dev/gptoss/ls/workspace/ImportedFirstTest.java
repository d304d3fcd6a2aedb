package dev.gptoss.ls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportedFirstTest {
    private static final Path ROOT = Path.of("/work/shop").toAbsolutePath();
    private final ImportedFirst order = new ImportedFirst();

    /** 200 files of the walk, then the given ones, in walk order. */
    private static List<Path> walk(String... last) {
        var files = new ArrayList<Path>();
        for (int i = 0; i < 200; i++) {
            files.add(ROOT.resolve("services/svc" + (i % 7) + "/app/module_" + i + ".py"));
        }
        for (String file : last) {
            files.add(ROOT.resolve(file));
        }
        return files;
    }

    private List<Path> taken() {
        var out = new ArrayList<Path>();
        for (Path file = order.next(); file != null; file = order.next()) {
            out.add(file);
        }
        return out;
    }

    @Test
    void theModulesAPythonImportNamesComeFirstAndEveryFileOnce() {
        order.documentImports("file:///checkout.py", ROOT.resolve("services/svc0/app/checkout.py"),
                List.of("from services.svc1.app.pricing import apply_discount_3, compute_tax_1",
                        "from services.svc2.app import orders"));
        List<Path> walked = walk("elsewhere/pricing.py", "services/svc1/app/pricing.py",
                "services/svc2/app/orders/__init__.py");
        order.begin(walked);

        List<Path> taken = taken();

        assertEquals(List.of(ROOT.resolve("services/svc1/app/pricing.py"),
                ROOT.resolve("services/svc2/app/orders/__init__.py")), taken.subList(0, 2),
                "the imported module and package first");
        assertEquals(ROOT.resolve("services/svc0/app/module_0.py"), taken.get(2), "then the walk's order");
        assertEquals(walked.size(), taken.size(), "every file once");
        assertEquals(new HashSet<>(walked), new HashSet<>(taken));
        assertEquals(ROOT.resolve("elsewhere/pricing.py"), taken.get(taken.size() - 1),
                "a file of the same name in a folder the import does not name keeps its place");
    }

    @Test
    void relativeTypeScriptJavaAndGoImportsEachFindTheirFiles() {
        order.documentImports("file:///web/cart.ts", ROOT.resolve("web/cart.ts"),
                List.of("import { total } from './orders';", "import { price } from '../lib/money';"));
        order.documentImports("file:///Main.java", ROOT.resolve("src/main/java/com/example/app/Main.java"),
                List.of("import com.example.billing.Invoice;"));
        order.documentImports("file:///main.go", ROOT.resolve("cmd/main.go"),
                List.of("import (\n\t\"fmt\"\n\t\"example.com/shop/pricing\"\n)"));
        order.begin(walk("web/orders.ts", "lib/money.ts", "src/main/java/com/example/billing/Invoice.java",
                "shop/pricing/tax.go", "shop/pricing/discount.go", "web/unrelated.ts"));

        List<Path> first = taken().subList(0, 5);

        assertEquals(new HashSet<>(List.of(ROOT.resolve("web/orders.ts"), ROOT.resolve("lib/money.ts"),
                ROOT.resolve("src/main/java/com/example/billing/Invoice.java"), ROOT.resolve("shop/pricing/tax.go"),
                ROOT.resolve("shop/pricing/discount.go"))), new HashSet<>(first));
    }

    @Test
    void aDocumentOpenedDuringTheWalkHasItsImportsTakenNext() {
        order.begin(walk("services/svc3/app/ledger.py"));
        for (int i = 0; i < 10; i++) {
            order.next();
        }

        order.documentImports("file:///report.py", ROOT.resolve("services/svc0/app/report.py"),
                List.of("from services.svc3.app.ledger import balance"));

        assertEquals(ROOT.resolve("services/svc3/app/ledger.py"), order.next());
        assertEquals(ROOT.resolve("services/svc3/app/module_10.py"), order.next(), "then on where the walk was");
    }

    @Test
    void aClosedDocumentNoLongerReordersTheNextWalk() {
        order.documentImports("file:///report.py", ROOT.resolve("services/svc0/app/report.py"),
                List.of("from services.svc3.app.ledger import balance"));
        order.documentClosed("file:///report.py");
        List<Path> walked = walk("services/svc3/app/ledger.py");

        order.begin(walked);

        assertEquals(walked, taken());
    }

    @Test
    void oneDocumentMovesAtMostSixtyFourFilesAhead() {
        var oddModules = new ArrayList<String>();
        for (int i = 1; i < 200; i += 2) {
            oddModules.add("module_" + i);
        }
        order.documentImports("file:///x.py", ROOT.resolve("x.py"),
                List.of("from app import " + String.join(", ", oddModules)));
        order.begin(walk());

        List<Path> taken = taken();

        assertEquals(ROOT.resolve("services/svc1/app/module_127.py"), taken.get(63), "the 64th imported module");
        assertEquals(ROOT.resolve("services/svc0/app/module_0.py"), taken.get(64), "then the walk's order");
        assertEquals(200, taken.size());
    }
}
