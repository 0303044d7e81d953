from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; `import ... from "./x.js"` in ES modules is
    rewritten to the hashed name too, so modules load from the offline cache."""

    support_js_module_import_aggregation = True
