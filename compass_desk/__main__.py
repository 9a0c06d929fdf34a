from compass_desk.cli import main

raise SystemExit(main())
