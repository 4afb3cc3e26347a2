from . import expo_retention_report
from . import expo_retention_cohort_report
from . import expo_segment_migration_report
from . import expo_segment_xlsx
from . import expo_retention_xlsx
from . import expo_space_draw_xlsx
