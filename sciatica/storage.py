from pathlib import Path

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; `import ... from "./x.js"` in ES modules is
    rewritten to the hashed name too, so modules load from the offline cache."""

    support_js_module_import_aggregation = True

    def compress_files(self, paths):
        """Compress every hashed file, but the unhashed copies only of the project's own files.

        Pages link every static file by its hashed name. An unhashed name is fetched only for
        what is linked by a fixed address: the web app manifest's icons, which are ours. The
        packages' unhashed copies (the admin's, the API docs' 1.5 MB bundles) are never
        requested, and compressing them twice over took half of collectstatic.
        """
        return super().compress_files(self.worth_compressing(paths))

    def worth_compressing(self, paths):
        hashed = set(self.hashed_files.values())
        own = {
            path.relative_to(directory).as_posix()
            for directory in map(Path, settings.STATICFILES_DIRS)
            for path in directory.rglob("*")
            if path.is_file()
        }
        return [path for path in paths if path in hashed or path in own]
