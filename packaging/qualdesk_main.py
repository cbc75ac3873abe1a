"""Entry script of the frozen `qualdesk` executables (PyInstaller needs a file, not `app.cli:main`).

On Windows onnxruntime must initialise its DLLs before Qt loads its own, otherwise the OCR
engine fails to start inside the bundle (REFERENCE.md); importing it first costs little.
"""

import sys

if sys.platform == "win32":
    import onnxruntime  # noqa: F401  (load order matters, see the docstring)

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
