package dev.gptoss.bench.context;

/** A large, realistic Python module: services with methods that call each other's helpers. */
final class HugePython {
    private HugePython() {
    }

    static String text(int lines) {
        var out = new StringBuilder("import json\nimport time\n\n");
        int count = 2;
        for (int service = 0; count < lines; service++) {
            String block = """
                    class Service%1$d:
                        \"\"\"Routes requests for tenant %1$d.\"\"\"

                        def __init__(self, client, cache):
                            self.client = client
                            self.cache = cache

                        def cache_key_%1$d(self, request):
                            return json.dumps(request, sort_keys=True)

                        def handle_%1$d(self, request):
                            key = self.cache_key_%1$d(request)
                            cached = self.cache.get(key)
                            if cached is not None:
                                return cached
                            started = time.perf_counter()
                            answer = self.client.generate(request)
                            self.cache.put(key, answer, time.perf_counter() - started)
                            return answer

                    """.formatted(service);
            out.append(block);
            count += block.split("\n", -1).length - 1;
        }
        return out.toString();
    }

    /** A line inside a method body (8 spaces of indentation) at or after {@code line}. */
    static int bodyLineNear(int line) {
        String[] lines = text(line + 40).split("\n", -1);
        for (int i = line; i < lines.length; i++) {
            if (lines[i].startsWith("        ") && !lines[i].isBlank()) {
                return i;
            }
        }
        throw new IllegalStateException("no method body near line " + line);
    }
}
