"""An nbconvert execute preprocessor that keeps the outputs the Deno kernel sends late.

Deno's Jupyter kernel (2.9) sometimes publishes a cell's outputs (display_data, execute_result,
even stream) just *after* the cell's "idle" status. nbconvert stops listening to a cell at its
idle status, so such an output is dropped, at random: a chart or a table goes missing from the
executed notebook. This preprocessor is nbconvert's own ExecutePreprocessor, except that:

- an output that arrives while a later cell runs goes to the cell that produced it (matched by
  the parent message id, as Jupyter front ends do), not to the bin;
- after the last code cell it waits until the kernel has been quiet for a moment, so that
  cell's late outputs are kept too.

scripts/notebooks.ts runs it as
  jupyter nbconvert --to notebook --NotebookExporter.preprocessors=deno_outputs.DenoExecutePreprocessor ...
with this folder on PYTHONPATH. Failing cells fail the run exactly as with --execute.
"""
import time

from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async, run_sync
from nbconvert.preprocessors import ExecutePreprocessor

# Messages that add to a cell's outputs (status and execute_input do not).
OUTPUT_TYPES = {"stream", "display_data", "execute_result", "update_display_data", "error", "clear_output"}


class DenoExecutePreprocessor(ExecutePreprocessor):
    def preprocess(self, nb, resources=None, km=None):
        self._cells_by_msg = {}
        self._last_code = max((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), default=-1)
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        cell, resources = super().preprocess_cell(cell, resources, index)
        if index == self._last_code:
            run_sync(self._async_drain)()
        return cell, resources

    def _route(self, msg):
        """Give a late output to the cell whose execution sent it; True if it was one."""
        target = self._cells_by_msg.get(msg["parent_header"].get("msg_id"))
        if target is None or msg["msg_type"] not in OUTPUT_TYPES:
            return False
        cell, index = target
        try:
            self.process_message(msg, cell, index)
        except CellExecutionComplete:
            pass
        return True

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self._cells_by_msg[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    # Raises CellExecutionComplete at the cell's idle status.
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    return
            else:
                self._route(msg)

    async def _async_drain(self, quiet=0.5, limit=5.0):
        """Collect late outputs until the kernel has sent nothing for `quiet` seconds."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=quiet))
            except Exception:  # queue.Empty: quiet long enough
                return
            self._route(msg)
