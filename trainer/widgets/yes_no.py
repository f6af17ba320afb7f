"""A yes-or-no answer on one line: ``[ Yes ]  No``. y or n answers (and says so with ``Answered``, so a
form can move on); left and right change it without moving on."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from trainer.widgets.segmented import Segmented


class YesNo(Segmented[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
    ]

    class Answered(Message):
        """y or n was pressed: the answer is given."""

        def __init__(self, yes_no: YesNo, value: bool) -> None:
            super().__init__()
            self.yes_no = yes_no
            self.value = value

        @property
        def control(self) -> YesNo:
            return self.yes_no

    def __init__(self, label: str = "", *, value: bool = False, id: str | None = None) -> None:
        super().__init__(label, [("Yes", True), ("No", False)], id=id)
        self.select(value)

    def action_answer(self, value: bool) -> None:
        self.select(value)
        self.post_message(self.Answered(self, value))
