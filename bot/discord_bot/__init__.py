"""The Discord adapter: slash commands, mentions, DMs and buttons over the same service as the CLI."""
