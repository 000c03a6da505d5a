"""`python3 -m bot [command]`: the README's quick start. It sets the project up on first use (a
virtual environment in `.venv` with everything installed), then runs StudyBot in it.

    python3 -m bot            the main job (Discord bot with a token, else a terminal chat)
    python3 -m bot test       the test suite
    python3 -m bot ask "..."  any other `studybot` command

Only the standard library is used until the environment is ready.
"""

from bot.bootstrap import main

main()
