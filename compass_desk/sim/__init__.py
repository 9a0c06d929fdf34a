"""A Compass API simulator: a real HTTP server on loopback. Imports only ``domain``.

sim = Simulator(SimConfig(environment="production", seed=1)); sim.start()
sim.base_url, sim.reset_phone(mac), sim.advance_clock(s), sim.set_faults(...), sim.stop()
"""

from compass_desk.sim.config import SimConfig
from compass_desk.sim.data import DEMO_PASSWORD, DEMO_USERS
from compass_desk.sim.simulator import Simulator

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "SimConfig", "Simulator"]
