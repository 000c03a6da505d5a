"""The retrieval and quiz core: plain Python, no Discord, no command-line code."""
