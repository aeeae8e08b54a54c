package io.rekindle.messaging.links;

/** The small public pages (unsubscribe), plain and readable on a phone; the bodies are fixed text. */
final class Pages {

    private Pages() {
    }

    static String page(String title, String body) {
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;\
                line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem}</style></head>
                <body><main><h1>%s</h1>%s</main></body></html>""".formatted(title, title, body);
    }
}
