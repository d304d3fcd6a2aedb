package dev.gptoss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A generated source tree shaped like a mid-sized product repository: Python services, a TypeScript
 * and TSX web client, a Java backend, a little JavaScript, Go and Rust, some docs. Sizes follow a
 * skewed spread (most files a few KB, a few near 30 KB). Part of it is ignored the way real trees
 * are: {@code node_modules/} and {@code build/} by the root {@code .gitignore}, generated code by
 * nested ones. The same seed gives the same tree.
 */
final class WorkspaceTree {
    /** The document the benchmark opens and completes in; it calls helpers defined elsewhere in the tree. */
    static final String OPENED = "services/svc0/app/checkout.py";
    static final String OPENED_TEXT = """
            from services.svc1.app.pricing import apply_discount_3, compute_tax_1
            from services.svc2.app.orders import total_quantity_2


            def checkout(order, items, factor=1.0):
                \"\"\"Totals an order, applies the customer's discount and adds tax.\"\"\"
                quantity = total_quantity_2(items)
                subtotal = sum(item.price * item.quantity for item in items)
                discounted = apply_discount_3(subtotal, order.customer)
                return discounted + compute_tax_1(""";

    /**
     * The modules the opened document imports. The generated files below define the same names
     * many times over (none of them is the module the import names), so only these resolve it.
     */
    static final String PRICING = "services/svc1/app/pricing.py";
    static final String PRICING_TEXT = """
            def apply_discount_3(subtotal, customer):
                \"\"\"The subtotal less the customer's loyalty discount.\"\"\"
                return subtotal * (1 - customer.discount_rate)


            def compute_tax_1(amount, region="EU"):
                \"\"\"Value-added tax on an amount, at the region's standard rate.\"\"\"
                return amount * TAX_RATES[region]
            """;
    static final String ORDERS = "services/svc2/app/orders.py";
    static final String ORDERS_TEXT = """
            def total_quantity_2(items):
                \"\"\"How many units the items add up to.\"\"\"
                return sum(item.quantity for item in items)
            """;

    /** The same document calling only names the tree does not define: its prompt is the same in any workspace. */
    static final String OPENED_TEXT_UNRELATED = OPENED_TEXT.replace("apply_discount_3", "apply_rebate_zz")
            .replace("compute_tax_1", "compute_levy_zz").replace("total_quantity_2", "total_units_zz");

    private static final String[] VERBS = {"compute", "apply", "load", "parse", "validate", "render", "merge",
        "total", "resolve", "format", "build", "fetch"};
    private static final String[] NOUNS = {"tax", "discount", "quantity", "invoice", "order", "customer", "price",
        "shipment", "refund", "cart", "ledger", "report"};

    /** What was written. */
    record Stats(int files, int ignoredFiles, long bytes, int python, int typescript, int java, int other) {
    }

    private final Path root;
    private final Random random;
    private int files;
    private int ignored;
    private long bytes;
    private int python;
    private int typescript;
    private int java;
    private int other;

    private WorkspaceTree(Path root, long seed) {
        this.root = root;
        this.random = new Random(seed);
    }

    /** Writes {@code total} files (ignore files included) under {@code root}. */
    static Stats generate(Path root, int total, long seed) throws IOException {
        var tree = new WorkspaceTree(root, seed);
        tree.write(total);
        return new Stats(tree.files, tree.ignored, tree.bytes, tree.python, tree.typescript, tree.java, tree.other);
    }

    private void write(int total) throws IOException {
        file(".gitignore", "node_modules/\nbuild/\n*.log\n.env*\n");
        file("web/.gitignore", "dist/\n*.generated.ts\n");
        file(OPENED, OPENED_TEXT);
        file(PRICING, PRICING_TEXT);
        file(ORDERS, ORDERS_TEXT);
        int services = 8;
        for (int s = 0; s < services; s++) {
            file("services/svc" + s + "/.gitignore", "generated/\n!generated/README.md\n");
        }
        int ignoredTarget = total * 8 / 100;
        for (int i = 0; files < 11 + ignoredTarget; i++) {
            ignored++;
            switch (i % 4) {
                case 0 -> file("web/node_modules/pkg" + i / 40 + "/lib/index" + i + ".js", javascript(i));
                case 1 -> file("services/svc" + i % services + "/generated/model" + i + "_pb2.py", python(i));
                case 2 -> file("build/classes/Gen" + i + ".java", java("build", "Gen" + i, i));
                default -> file("web/src/api/client" + i + ".generated.ts", typescript(i));
            }
        }
        for (int i = 0; files < total; i++) {
            int pick = random.nextInt(100);
            int dir = i / 18;
            if (pick < 40) {
                python++;
                file("services/svc" + dir % services + "/app/m" + dir + "/" + name(i) + ".py", python(i));
            } else if (pick < 70) {
                typescript++;
                boolean tsx = pick >= 60;
                String folder = tsx ? "web/src/components/c" : "web/src/lib/l";
                file(folder + dir + "/" + name(i) + (tsx ? ".tsx" : ".ts"), tsx ? tsx(i) : typescript(i));
            } else if (pick < 90) {
                java++;
                String cls = "Service" + i;
                file("backend/src/main/java/com/example/p" + dir + "/" + cls + ".java", java("p" + dir, cls, i));
            } else {
                other++;
                switch (pick % 5) {
                    case 0 -> file("tools/js/t" + dir + "/" + name(i) + ".js", javascript(i));
                    case 1 -> file("agent/g" + dir + "/" + name(i) + ".go", go(i));
                    case 2 -> file("native/r" + dir + "/" + name(i) + ".rs", rust(i));
                    case 3 -> file("docs/d" + dir + "/" + name(i) + ".md", "# " + name(i) + "\n\n" + prose(i));
                    default -> file("config/c" + dir + "/" + name(i) + ".json", "{\"name\": \"" + name(i) + "\"}\n");
                }
            }
        }
    }

    /** How many functions a file has: most files a handful, a few dozens. */
    private int functions() {
        double skewed = Math.exp(random.nextGaussian() * 0.8 + 1.9);
        return (int) Math.max(1, Math.min(60, skewed));
    }

    private String name(int i) {
        return VERBS[i % VERBS.length] + "_" + NOUNS[(i / VERBS.length) % NOUNS.length] + "_" + i;
    }

    private String callee() {
        return VERBS[random.nextInt(VERBS.length)] + "_" + NOUNS[random.nextInt(NOUNS.length)] + "_"
                + random.nextInt(4);
    }

    private String python(int i) {
        var out = new StringBuilder("import math\nfrom decimal import Decimal\n\n\n");
        for (int f = 0, n = functions(); f < n; f++) {
            String name = f < 4 ? calledName(f, i) : name(i) + "_" + f;
            int k = random.nextInt(50);
            out.append(String.format(Locale.ROOT, """
                    def %s(order, items, factor=1.0):
                        \"\"\"Work out %s for the order's items, scaled by factor.\"\"\"
                        total = Decimal(0)
                        for item in items:
                            if item.quantity > %d:
                                total += Decimal(item.price) * Decimal(factor)
                            else:
                                total -= Decimal(%d) / (item.quantity or 1)
                        adjusted = %s(total)
                        return math.floor(adjusted * 100) / 100


                    """, name, name.replace('_', ' '), k, k, callee()));
        }
        return out.toString();
    }

    /** The first functions of a file carry the short names other files call ({@code compute_tax_1}). */
    private String calledName(int f, int i) {
        return VERBS[(i + f) % VERBS.length] + "_" + NOUNS[(i * 7 + f) % NOUNS.length] + "_" + f;
    }

    private String typescript(int i) {
        var out = new StringBuilder("export interface Item {\n  price: number;\n  quantity: number;\n}\n\n");
        for (int f = 0, n = functions(); f < n; f++) {
            String name = camel(f < 4 ? calledName(f, i) : name(i) + "_" + f);
            int k = random.nextInt(50);
            out.append(String.format(Locale.ROOT, """
                    /** Works out %s for the items, scaled by the factor. */
                    export function %s(items: Item[], factor: number): number {
                      let total = 0;
                      for (const item of items) {
                        if (item.quantity > %d) {
                          total += item.price * factor;
                        } else {
                          total -= %d / (item.quantity || 1);
                        }
                      }
                      return Math.round(%s(total) * 100) / 100;
                    }

                    """, name, name, k, k, camel(callee())));
        }
        return out.toString();
    }

    private String tsx(int i) {
        var out = new StringBuilder("import { useState } from \"react\";\n\n");
        for (int f = 0, n = Math.max(1, functions() / 2); f < n; f++) {
            String name = "Panel" + i + "x" + f;
            out.append(String.format(Locale.ROOT, """
                    interface %sProps {
                      title: string;
                      items: { id: string; label: string; price: number }[];
                    }

                    export function %s({ title, items }: %sProps) {
                      const [open, setOpen] = useState(false);
                      return (
                        <section className="panel">
                          <h2 onClick={() => setOpen(!open)}>{title}</h2>
                          {open && (
                            <ul>
                              {items.map((item) => (
                                <li key={item.id}>
                                  {item.label}: {%s(item.price)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </section>
                      );
                    }

                    """, name, name, name, camel(callee())));
        }
        return out.toString();
    }

    private String java(String pkg, String cls, int i) {
        var out = new StringBuilder("package com.example." + pkg + ";\n\nimport java.math.BigDecimal;\n"
                + "import java.util.List;\n\npublic final class " + cls + " {\n");
        for (int f = 0, n = functions(); f < n; f++) {
            String name = camel(f < 4 ? calledName(f, i) : name(i) + "_" + f);
            int k = random.nextInt(50);
            out.append(String.format(Locale.ROOT, """
                        /** Works out %s for the items, scaled by the factor. */
                        public BigDecimal %s(List<Item> items, BigDecimal factor) {
                            BigDecimal total = BigDecimal.ZERO;
                            for (Item item : items) {
                                if (item.quantity() > %d) {
                                    total = total.add(item.price().multiply(factor));
                                } else {
                                    total = total.subtract(BigDecimal.valueOf(%d));
                                }
                            }
                            return total;
                        }

                    """, name, name, k, k));
        }
        return out.append("    record Item(BigDecimal price, int quantity) {\n    }\n}\n").toString();
    }

    private String javascript(int i) {
        var out = new StringBuilder();
        for (int f = 0, n = functions(); f < n; f++) {
            out.append(String.format(Locale.ROOT, """
                    export function %s(items, factor) {
                      return items.reduce((sum, item) => sum + item.price * factor, %d);
                    }

                    """, camel(name(i) + "_" + f), random.nextInt(9)));
        }
        return out.toString();
    }

    private String go(int i) {
        var out = new StringBuilder("package agent\n\n");
        for (int f = 0, n = functions(); f < n; f++) {
            out.append(String.format(Locale.ROOT, """
                    func %s(prices []float64, factor float64) float64 {
                    	total := 0.0
                    	for _, p := range prices {
                    		total += p * factor
                    	}
                    	return total
                    }

                    """, "F" + camel(name(i) + "_" + f)));
        }
        return out.toString();
    }

    private String rust(int i) {
        var out = new StringBuilder();
        for (int f = 0, n = functions(); f < n; f++) {
            out.append(String.format(Locale.ROOT, """
                    pub fn %s(prices: &[f64], factor: f64) -> f64 {
                        prices.iter().map(|p| p * factor).sum()
                    }

                    """, name(i) + "_" + f));
        }
        return out.toString();
    }

    private String prose(int i) {
        return ("This part of the system handles " + NOUNS[i % NOUNS.length] + " records. ").repeat(1 + i % 20) + "\n";
    }

    private static String camel(String snake) {
        var out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private void file(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        files++;
        bytes += text.length();
    }
}
