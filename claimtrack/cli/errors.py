"""The one error type the command line shows as a single line."""
import click


class UserError(click.ClickException):
    """A bad input or path: printed as one line, exit status 1, never a traceback."""

    def show(self, file=None) -> None:
        click.echo(f"claimtrack: error: {self.format_message()}", err=True, file=file)
