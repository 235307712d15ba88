"""File formats of the plan module: reading plan files, the Plandata WFS client, exports."""
