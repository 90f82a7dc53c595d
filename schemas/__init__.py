"""The data contract: one pandera DataFrameModel per table, and the registries they check against."""

import pandera.api.pandas.model as _pandera_model
from pandera.typing import Index, Series


def _annotate_pandas_only() -> None:
    """Building any DataFrameModel, pandera collects the Series and Index annotation types of every dataframe
    library installed, and so imports dask.dataframe whenever dask is there (the `distributed` extra installs it):
    about 0.8 s in every process that validates, a tenth of an incremental build. These models annotate pandas
    Series and Index only, so pandera is given just those. Should pandera rename the two lookups, nothing breaks:
    it goes back to collecting them itself."""
    if hasattr(_pandera_model, "get_series_types") and hasattr(_pandera_model, "get_index_types"):
        _pandera_model.get_series_types = lambda: {Series}
        _pandera_model.get_index_types = lambda: {Index}


_annotate_pandas_only()
