from . import expo_role
from . import expo_series
from . import expo_participation
from . import event_event
from . import res_partner
