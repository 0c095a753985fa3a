"""pandas data frames of results, where pandas is installed (it is optional)."""
from __future__ import annotations

from typing import Any, Dict, Iterable, Sequence


def frame(rows: Iterable[Dict[str, Any]], columns: Sequence[str]):
    """A ``pandas.DataFrame`` of ``rows`` with ``columns`` in this order (a missing value is NaN).

    Raises:
        ImportError: pandas is not installed; the message says how to install it, and that the
            same data is available as Python objects without it
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "peerclear's data frames need pandas, which does not import here (" + str(e) + "). Install it with "
            "`pip install pandas` (or `pip install './python[pandas]'` from the checkout), or read the same data as "
            "Python objects: e.g. result.agents instead of result.agents_frame().") from e
    return pandas.DataFrame(list(rows), columns=list(columns))

