from . import test_install
from . import test_rules
from . import test_segmentation
from . import test_batch
from . import test_snapshot
from . import test_retention
from . import test_access
from . import test_ui
