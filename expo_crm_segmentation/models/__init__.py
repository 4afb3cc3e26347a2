from . import res_company
from . import res_config_settings
from . import res_partner
from . import expo_relationship
from . import expo_batch_run
from . import expo_segment_engine
from . import expo_segment_snapshot
from . import expo_segment_snapshot_line
