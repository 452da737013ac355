"""Settings for documents' files: what an upload may be, and the limits of reading its text.

Every limit is checked before a file is stored (`cms.knowledge.uploads`), except the text's
length, which is only known once it is read: longer text is cut, and editors are told. The
text is read in a child process that the operating system stops at the memory and time
limits (`cms.knowledge.extraction`).
"""

from .env import env_int

# The largest file anyone may upload (workspaces and the admin), in bytes (default 20 MB).
# The web server in front should refuse larger request bodies before they reach Django.
CORDATA_UPLOAD_MAX_BYTES = env_int("CORDATA_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

# Zip-based files (DOCX, XLSX, PPTX, ODT): at most this many members, this many bytes once
# unpacked, and no member over 1 MB unpacked that is compressed more than this ratio to one.
CORDATA_DOCUMENT_ZIP_MAX_MEMBERS = env_int("DOCUMENT_ZIP_MAX_MEMBERS", 2000)
CORDATA_DOCUMENT_ZIP_MAX_BYTES = env_int("DOCUMENT_ZIP_MAX_BYTES", 100 * 1024 * 1024)
CORDATA_DOCUMENT_ZIP_MAX_RATIO = env_int("DOCUMENT_ZIP_MAX_RATIO", 100)
# The most pages a PDF may have.
CORDATA_DOCUMENT_PDF_MAX_PAGES = env_int("DOCUMENT_PDF_MAX_PAGES", 2000)
# Characters of a document's text kept for search; the rest is cut.
CORDATA_DOCUMENT_TEXT_MAX_CHARS = env_int("DOCUMENT_TEXT_MAX_CHARS", 1_000_000)

# The child process that reads a file: address space in MB, and seconds (CPU and wall clock).
CORDATA_EXTRACTION_MEMORY_MB = env_int("EXTRACTION_MEMORY_MB", 1024)
CORDATA_EXTRACTION_TIMEOUT_SECONDS = env_int("EXTRACTION_TIMEOUT_SECONDS", 60)
# The checks before an upload is stored run while the request waits: well within gunicorn's
# worker timeout (30 s by default).
CORDATA_INSPECTION_TIMEOUT_SECONDS = env_int("INSPECTION_TIMEOUT_SECONDS", 10)

# Uploads larger than Django's 2.5 MB in-memory threshold are streamed into MEDIA_ROOT/tmp/,
# where `manage.py clean_media` finds what a killed process leaves behind.
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "cms.core.media.MediaTemporaryFileUploadHandler",
]
# The folders of MEDIA_ROOT that uploads are stored in (Wagtail's documents, images and
# renditions, avatars) and its temporary area: `clean_media` looks at nothing else.
CORDATA_MEDIA_MANAGED_FOLDERS = ("documents", "original_images", "images", "avatar_images", "tmp")
# Files under MEDIA_ROOT younger than this are never taken for orphans by `clean_media`.
CORDATA_MEDIA_ORPHAN_GRACE_SECONDS = env_int("MEDIA_ORPHAN_GRACE_SECONDS", 24 * 60 * 60)
