"""A question asking for the value a setting takes when nobody sets it ("What port does the server
listen on by default?", "What is the default stiffness of a new spring?") on notes that speak of the
setting but never say what it is unset: the sentence on the topic gives some other value (an
example's, one the reader chose) and would read as the default (ans20 [145], ans21 [174]/[184],
ans23 [165], ans24 [153]/[166]: RESULTS 6az "Left" 1, 6bb). Notes that give a default say so ("by
default", "the default is", "if they are omitted"). Made-up notes on a file-sharing daemon, with the
real model."""

from __future__ import annotations

import pytest

from bot.core.question_kind import asks_for_a_default, gives_a_default
from tests.conftest import indexed_course

NOTES = {
    "sharer.md": """# The sharer daemon

## Listening for clients

In our example setup the sharer daemon listens on port 8450 and accepts connections from the office
network only. You can change the port in the configuration file sharer.conf and restart the daemon.

## Upload limits

By default the sharer daemon refuses uploads larger than 2 gigabytes. The limit is set with the
max-upload directive in sharer.conf.

## Logging

The daemon writes its messages to the file sharer.log in the data directory. If no level is given,
the default level is warning, so that routine connections are not logged.
""",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory, real_embedder):
    return indexed_course(tmp_path_factory.mktemp("default_not_given"), NOTES, real_embedder)


def test_a_default_the_notes_never_give_is_not_answered(course):
    answer = course.ask("What port does the sharer daemon listen on by default?")
    # (without the rule: "In our example setup the sharer daemon listens on port 8450 ...", the
    # example's port read as the default)
    assert answer.abstained, answer.sentences
    assert "default" in answer.reason


def test_defaults_the_notes_give_are_answered(course):
    size = course.ask("What is the largest upload the sharer daemon accepts by default?")
    assert not size.abstained and "2 gigabytes" in " ".join(size.sentences), size.sentences
    level = course.ask("What is the default logging level of the sharer daemon?")
    assert not level.abstained and "warning" in " ".join(level.sentences), level.sentences


@pytest.mark.parametrize("question, asks", [
    ("What port does the SSH server listen on by default?", True),
    ("What is the default length of the grace period set with edquota -t?", True),
    ("What default shell does chsh assign to a newly created user?", True),
    ("Does gretl use AIC or BIC by default to choose the lag order?", True),
    ("How often does Nagios check each service in the default configuration?", True),
    ("Why is X11 forwarding disabled by default?", False),  # asks a cause: the default is given
    ("How do I change the default password aging values?", False),  # asks a way
    ("What is a more flexible alternative to the default full ANOVA table?", False),  # a given
    ("Must default argument values be constants?", False),
    ("Which variable in /etc/default/grub should be changed?", False),
])
def test_asks_for_a_default(question, asks):
    assert asks_for_a_default(question) is asks


@pytest.mark.parametrize("text, gives", [
    ("By default all forces are turned off in Step.", True),
    ("This is a deliberate difference, as treatment contrasts (R's default) are thought easier.", True),
    ("The last three arguments are optional; if they are omitted the values are h, off and 4.", True),
    ("The spring in this example has a stiffness of 20 N/m.", False),
    ("The server listens on port 8000.", False),
])
def test_gives_a_default(text, gives):
    assert gives_a_default(text) is gives
